import { useEffect, useRef } from "react";
import type { editor as MonacoEditor } from "monaco-editor";
import { monaco } from "./monaco-setup";

export const uriOf = (path: string) => monaco.Uri.parse(`file:///${path}`);

export function languageOf(path: string): string {
  if (/\.(ts|tsx|mts)$/.test(path)) return "typescript";
  if (/\.(js|mjs)$/.test(path)) return "javascript";
  if (path.endsWith(".sql")) return "sql";
  if (path.endsWith(".json")) return "json";
  return "plaintext";
}

/**
 * One Monaco model per learner file at file:///<path>, so TypeScript resolves `./other` imports
 * between them. The store is the source of truth: edits flow out through `onChange`, and outside
 * changes (reset, undo, import) flow in as undoable edits. Models die with the editor.
 */
export function useFileModels(files: Record<string, string>, onChange: (path: string, text: string) => void) {
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const syncing = useRef(false);

  useEffect(() => {
    syncing.current = true;
    try {
      for (const [path, text] of Object.entries(files)) {
        const uri = uriOf(path);
        const model = monaco.editor.getModel(uri) ?? watch(monaco.editor.createModel(text, languageOf(path), uri), path);
        if (model.getValue() !== text) {
          model.pushEditOperations([], [{ range: model.getFullModelRange(), text }], () => null);
        }
      }
    } finally {
      syncing.current = false;
    }
  }, [files]);

  useEffect(
    () => () => {
      for (const model of monaco.editor.getModels()) if (model.uri.scheme === "file") model.dispose();
    },
    [],
  );

  function watch(model: MonacoEditor.ITextModel, path: string) {
    model.onDidChangeContent(() => {
      // Our own sync is not an edit; a rename refactoring across files is, so listen per model.
      monaco.editor.setModelMarkers(model, "roadlab", []);
      if (!syncing.current) onChangeRef.current(path, model.getValue());
    });
    return model;
  }
}
