/** The SCORM 1.2 run-time API an LMS puts on a window as `API` (values and results are strings). */
export interface Scorm12Api {
  LMSInitialize(arg: ""): string;
  LMSFinish(arg: ""): string;
  LMSGetValue(element: string): string;
  LMSSetValue(element: string, value: string): string;
  LMSCommit(arg: ""): string;
  LMSGetLastError(): string;
  LMSGetErrorString(code: string): string;
}

interface ApiWindow {
  API?: unknown;
  parent?: ApiWindow | null;
  opener?: ApiWindow | null;
}

/** How far up the parent chain to look: the limit the ADL's own API discovery uses. */
const MAX_PARENTS = 7;

/**
 * The usual SCORM 1.2 discovery: this window and up to 7 parents, then the opener and its parents.
 * A window of another origin on the way cannot be read; it is skipped, not an error.
 */
export function findApi(start: ApiWindow): Scorm12Api | undefined {
  return searchUp(start) ?? (readOpener(start) && searchUp(readOpener(start)!));
}

function searchUp(start: ApiWindow): Scorm12Api | undefined {
  let current: ApiWindow | null | undefined = start;
  for (let level = 0; current && level <= MAX_PARENTS; level++) {
    const api = readApi(current);
    if (api) return api;
    const parent: ApiWindow | null | undefined = safely(() => current!.parent);
    if (!parent || parent === current) return undefined;
    current = parent;
  }
  return undefined;
}

function readApi(win: ApiWindow): Scorm12Api | undefined {
  const api = safely(() => win.API) as Partial<Scorm12Api> | undefined;
  return api && typeof api.LMSInitialize === "function" && typeof api.LMSSetValue === "function" ? (api as Scorm12Api) : undefined;
}

function readOpener(win: ApiWindow): ApiWindow | undefined {
  return safely(() => win.opener) ?? undefined;
}

function safely<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}
