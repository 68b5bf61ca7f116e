import { useEffect, useRef } from "react";
import { monaco } from "./monaco-setup";

/** One edit of a content change, in Monaco's order (end of the document first). */
export interface ContentChange {
  rangeOffset: number;
  rangeLength: number;
  text: string;
}

/**
 * file:///<slug>/<path>: one folder per exercise. Reusing file:///main.ts across exercises
 * would hand TypeScript a new model with the same name and version as the old one, and it
 * would keep checking the old text (its cache is keyed by name and version).
 */
export const uriOf = (slug: string, path: string) => monaco.Uri.parse(`file:///${slug}/${path}`);

export function languageOf(path: string): string {
  if (/\.(ts|tsx|mts)$/.test(path)) return "typescript";
  if (/\.(js|mjs)$/.test(path)) return "javascript";
  if (path.endsWith(".sql")) return "sql";
  if (path.endsWith(".json")) return "json";
  return "plaintext";
}

/**
 * One Monaco model per learner file, so TypeScript resolves `./other` imports between them.
 * The store is the source of truth: edits flow out through `onChange` (a rename across files
 * included), outside changes (reset, undo, import) flow in as undoable edits. Models live for
 * the session, so returning to an exercise keeps its undo history.
 */
export function useFileModels(slug: string, files: Record<string, string>, onChange: (path: string, text: string, changes: readonly ContentChange[]) => void) {
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const syncing = useRef(false);
  const paths = Object.keys(files).join("\n");

  useEffect(() => {
    syncing.current = true;
    try {
      for (const [path, text] of Object.entries(files)) {
        const uri = uriOf(slug, path);
        const model = monaco.editor.getModel(uri) ?? monaco.editor.createModel(text, languageOf(path), uri);
        if (model.getValue() !== text) model.pushEditOperations([], [{ range: model.getFullModelRange(), text }], () => null);
      }
    } finally {
      syncing.current = false;
    }
  }, [slug, files]);

  useEffect(() => {
    const subscriptions = paths.split("\n").flatMap((path) => {
      const model = monaco.editor.getModel(uriOf(slug, path));
      return model
        ? [
            model.onDidChangeContent((event) => {
              // A run's error marker is about the old text.
              monaco.editor.setModelMarkers(model, "roadlab", []);
              if (!syncing.current) onChangeRef.current(path, model.getValue(), event.changes);
            }),
          ]
        : [];
    });
    return () => subscriptions.forEach((s) => s.dispose());
  }, [slug, paths]);
}
