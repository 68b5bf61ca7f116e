import type { Slice } from "./app-store";

export type FileMap = Record<string, string>;

export interface FilesSlice {
  /** Per exercise slug, the learner's text of each file they changed (persisted). */
  files: Record<string, FileMap>;
  /** Per slug, the files a reset replaced, until undone or the app reloads (not persisted). */
  resetUndo: Record<string, FileMap>;
  setFile(slug: string, path: string, text: string): void;
  resetToStarter(slug: string): void;
  undoReset(slug: string): void;
}

export const createFilesSlice: Slice<FilesSlice> = (set, get) => ({
  files: {},
  resetUndo: {},
  setFile(slug, path, text) {
    const current = get().files[slug];
    if (current?.[path] === text) return;
    set((s) => ({ files: { ...s.files, [slug]: { ...current, [path]: text } } }));
    get().recordProgress(slug, { type: "edited" });
  },
  resetToStarter(slug) {
    const previous = get().files[slug];
    if (!previous) return;
    set((s) => ({ files: without(s.files, slug), resetUndo: { ...s.resetUndo, [slug]: previous } }));
  },
  undoReset(slug) {
    const previous = get().resetUndo[slug];
    if (!previous) return;
    set((s) => ({ files: { ...s.files, [slug]: previous }, resetUndo: without(s.resetUndo, slug) }));
  },
});

/**
 * What the learner sees and runs: the starter's file names, each with their text if they changed
 * it. Read-only files always come from the starter, and a file an app upgrade removed is dropped.
 */
export function learnerFiles(starter: FileMap, edits: FileMap | undefined, readonly: readonly string[] = []): FileMap {
  return Object.fromEntries(
    Object.entries(starter).map(([path, text]) => [path, readonly.includes(path) ? text : (edits?.[path] ?? text)]),
  );
}

export function without<T>(record: Record<string, T>, key: string): Record<string, T> {
  const { [key]: _, ...rest } = record;
  return rest;
}
