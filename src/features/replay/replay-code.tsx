import Editor, { DiffEditor } from "@monaco-editor/react";
import { useColorScheme } from "../../app/use-color-scheme";
import { markEditorShown } from "../../app/after-startup";
import { themeFor } from "../editor/monaco-setup";
import { languageOf } from "../editor/use-file-models";

const OPTIONS = { readOnly: true, minimap: { enabled: false }, scrollBeyondLastLine: false, automaticLayout: true, fontSize: 14, domReadOnly: true } as const;

/**
 * The files as replayed, read-only. Models live under replay:/// so they never join a workspace's
 * TypeScript project, and nothing here is ever run.
 */
export function ReplayCode({ file, text, id }: { file: string; text: string; id: string }) {
  const scheme = useColorScheme();
  return (
    <Editor
      path={`replay:///${id}/now/${file}`}
      value={text}
      language={languageOf(file)}
      theme={themeFor(scheme)}
      loading={<p className="editor-loading">Loading editor…</p>}
      onMount={() => markEditorShown()}
      options={{ ...OPTIONS, ariaLabel: `${file} at this point of the session (read-only)`, readOnlyMessage: { value: "A replay is read-only." } }}
    />
  );
}

/** The starter (left) against the submitted file (right). */
export function ReplayDiff({ file, starter, final, id }: { file: string; starter: string; final: string; id: string }) {
  const scheme = useColorScheme();
  return (
    <DiffEditor
      original={starter}
      modified={final}
      language={languageOf(file)}
      originalModelPath={`replay:///${id}/starter/${file}`}
      modifiedModelPath={`replay:///${id}/final/${file}`}
      theme={themeFor(scheme)}
      keepCurrentOriginalModel
      keepCurrentModifiedModel
      loading={<p className="editor-loading">Loading the diff…</p>}
      options={{ ...OPTIONS, originalEditable: false, renderSideBySide: true, useInlineViewWhenSpaceIsLimited: false, ariaLabel: `${file}: final code compared with the starter` }}
    />
  );
}


