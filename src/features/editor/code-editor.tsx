import Editor from "@monaco-editor/react";
import { useEffect, useMemo, useRef } from "react";
import type { editor as MonacoEditor } from "monaco-editor";
import { useColorScheme } from "../../app/use-color-scheme";
import type { SourceLocation } from "../results/locations";
import { markEditorShown } from "../../app/after-startup";
import { CodePreview } from "./code-preview";
import { monaco, themeFor } from "./monaco-setup";
import { addPackageTypes, refreshDiagnostics } from "./type-libs";
import { uriOf, useFileModels, type ContentChange } from "./use-file-models";

export interface EditorMarker extends SourceLocation {
  message: string;
}

export interface CodeEditorProps {
  slug: string;
  /** Every learner file, so the TypeScript service sees them all. */
  files: Record<string, string>;
  active: string;
  readonly: readonly string[];
  packages: readonly string[];
  /** `changes` are Monaco's change set of the edit (what an interview session logs). */
  onChange(path: string, text: string, changes: readonly ContentChange[]): void;
  /** A paste into `path` of `length` characters (its text arrives through onChange too). */
  onPaste?(path: string, length: number): void;
  onRun(): void;
  /** Moves the cursor there; a new object each time, so the same place can be revealed twice. */
  reveal?: SourceLocation;
  markers: readonly EditorMarker[];
  fontSize: number;
  wordWrap: boolean;
}

export function CodeEditor(props: CodeEditorProps) {
  const { slug, files, active, readonly, packages, reveal, markers } = props;
  const editorRef = useRef<MonacoEditor.IStandaloneCodeEditor | null>(null);
  const onRunRef = useRef(props.onRun);
  onRunRef.current = props.onRun;
  const onPasteRef = useRef(props.onPaste);
  onPasteRef.current = props.onPaste;
  const activeRef = useRef(active);
  activeRef.current = active;
  const scheme = useColorScheme();
  useFileModels(slug, files, props.onChange);

  const fileKeys = Object.keys(files).join("\n");
  useEffect(() => {
    let live = true;
    void addPackageTypes(monaco, packages).then(() => {
      if (live) return refreshDiagnostics(monaco, fileKeys.split("\n").map((path) => uriOf(slug, path)));
    });
    return () => {
      live = false;
    };
  }, [packages, slug, fileKeys]);

  useEffect(() => {
    for (const path of Object.keys(files)) {
      const model = monaco.editor.getModel(uriOf(slug, path));
      if (!model) continue;
      const mine = markers.filter((m) => m.file === path);
      monaco.editor.setModelMarkers(
        model,
        "roadlab",
        mine.map((m) => {
          const line = Math.min(Math.max(m.line, 1), model.getLineCount());
          const column = m.column ?? 1;
          return { severity: monaco.MarkerSeverity.Error, message: m.message, startLineNumber: line, startColumn: column, endLineNumber: line, endColumn: Math.max(column + 1, model.getLineMaxColumn(line)) };
        }),
      );
    }
    // Keys, not texts: re-marking on every keystroke would fight the marker-clearing on edit.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [markers, slug, fileKeys]);

  useEffect(() => {
    const editor = editorRef.current;
    if (!editor || !reveal || reveal.file !== active) return;
    const position = { lineNumber: reveal.line, column: reveal.column ?? 1 };
    editor.setPosition(position);
    editor.revealPositionInCenter(position);
    editor.focus();
  }, [reveal, active]);

  const isReadonly = readonly.includes(active);
  const { fontSize, wordWrap } = props;
  // Stable between keystrokes: @monaco-editor/react calls updateOptions whenever this object changes.
  const options = useMemo<MonacoEditor.IStandaloneEditorConstructionOptions>(
    () => ({
      ariaLabel: `${active}${isReadonly ? " (read-only)" : ""}: code editor. Ctrl+Enter runs the tests; Ctrl+M, then Tab, leaves the editor.`,
      readOnly: isReadonly,
      readOnlyMessage: { value: `${active} is read-only in this exercise.` },
      fontSize,
      wordWrap: wordWrap ? "on" : "off",
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      automaticLayout: true,
      tabSize: 2,
      fixedOverflowWidgets: true,
      // Faded unused code fails contrast checks; TypeScript still reports it on hover.
      showUnused: false,
    }),
    [active, isReadonly, fontSize, wordWrap],
  );
  return (
    <Editor
      path={uriOf(slug, active).toString()}
      theme={themeFor(scheme)}
      keepCurrentModel
      loading={<CodePreview file={active} text={files[active] ?? ""} fontSize={fontSize} />}
      options={options}
      onMount={(editor) => {
        editorRef.current = editor;
        markEditorShown();
        editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => onRunRef.current());
        editor.onDidPaste((event) => {
          const model = editor.getModel();
          if (model) onPasteRef.current?.(activeRef.current, model.getValueLengthInRange(event.range));
        });
      }}
    />
  );
}

export default CodeEditor;
