/**
 * Who is calling: the files on the current call stack, read from V8's structured call sites with
 * our own formatter, so code under test cannot hide or fake frames by setting Error.prepareStackTrace
 * or Error.stackTraceLimit. Captured at load, before any code under test runs.
 */
type CallSite = { getFileName(): string | null; getScriptNameOrSourceURL?(): string | null; getLineNumber(): number | null; getColumnNumber(): number | null };
type ErrorStatics = { prepareStackTrace?: unknown; stackTraceLimit?: number; captureStackTrace?: (target: object) => void };

const ErrorCtor = Error as unknown as ErrorStatics;
const captureStackTrace = ErrorCtor.captureStackTrace;
const structured = (_: unknown, sites: CallSite[]) => sites;

export interface Frame {
  file: string;
  line: number;
  column: number;
}

/** The call stack's frames that have a file, innermost first (V8 only; elsewhere, none). */
export function callerFrames(): Frame[] {
  if (!captureStackTrace) return [];
  const savedPrepare = ErrorCtor.prepareStackTrace;
  const savedLimit = ErrorCtor.stackTraceLimit;
  const holder: { stack?: unknown } = {};
  try {
    ErrorCtor.prepareStackTrace = structured;
    ErrorCtor.stackTraceLimit = 64;
    captureStackTrace(holder);
    const sites = holder.stack;
    if (!Array.isArray(sites)) return [];
    const frames: Frame[] = [];
    for (const site of sites as CallSite[]) {
      // A `//# sourceURL` (how linked modules are named) shows only through getScriptNameOrSourceURL.
      const file = site.getScriptNameOrSourceURL?.() ?? site.getFileName();
      if (file) frames[frames.length] = { file, line: site.getLineNumber() ?? 0, column: site.getColumnNumber() ?? 0 };
    }
    return frames;
  } catch {
    return [];
  } finally {
    ErrorCtor.prepareStackTrace = savedPrepare;
    ErrorCtor.stackTraceLimit = savedLimit;
  }
}
