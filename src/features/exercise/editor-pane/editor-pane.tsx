import { lazy, Suspense, useEffect, useState, type ReactNode } from "react";
import type { EditorMarker } from "../../editor/code-editor";
import type { SourceLocation } from "../../results/locations";
import { appStore, useAppStore } from "../../../store";
import { ConfirmDialog } from "../../confirm-dialog/confirm-dialog";
import { EditorSettings } from "../editor-settings/editor-settings";
import { FileTabs, tabId } from "../file-tabs/file-tabs";
import { CodePreview } from "../../editor/code-preview";

// Monaco is megabytes: only the workspace pays for it, and the page is usable while it loads.
const loadCodeEditor = () => import("../../editor/code-editor");
const CodeEditor = lazy(loadCodeEditor);
const SolutionDiff = lazy(() => import("../../editor/solution-diff/solution-diff"));

export interface EditorPaneProps {
  slug: string;
  files?: Record<string, string>;
  solution?: Record<string, string>;
  fileNames: readonly string[];
  readonly: readonly string[];
  packages: readonly string[];
  active: string;
  onSelect(file: string): void;
  reveal?: SourceLocation;
  markers: readonly EditorMarker[];
  onRun(): void;
  /**
   * Someone else's code (a share link): every file read-only, in editor models of its own so the
   * learner's stay as they were; Run tests, reset and the solution are off until they take it.
   */
  viewOnly?: boolean;
  /** embed.html leaves the solution to the host page. */
  allowSolution?: boolean;
  /** More toolbar buttons (Share). */
  actions?: ReactNode;
}

export function EditorPane(props: EditorPaneProps) {
  const { slug, files, solution, active, viewOnly = false, allowSolution = true } = props;
  const settings = useAppStore((s) => s.settings);
  const canUndo = useAppStore((s) => slug in s.resetUndo);
  const hasEdits = useAppStore((s) => slug in s.files);
  const { setFile, resetToStarter, undoReset } = appStore.getState();
  const [asking, setAsking] = useState<"reset" | "solution" | undefined>();
  const [showSolution, setShowSolution] = useState(false);
  const panelId = "editor-panel";
  // Fetch Monaco while the exercise's files and the saved code are still loading, not after.
  useEffect(() => void loadCodeEditor(), []);

  return (
    <section className="pane editor-pane" aria-labelledby="editor-heading" data-solution={showSolution && solution !== undefined}>
      <h2 id="editor-heading" className="visually-hidden">
        Code
      </h2>
      <div className="toolbar">
        <button type="button" className="primary" onClick={props.onRun} disabled={viewOnly} aria-keyshortcuts="Control+Enter Meta+Enter">
          Run tests
        </button>
        <span className="shortcut" aria-hidden="true">Ctrl+Enter</span>
        <span className="spacer" />
        {props.actions}
        <button type="button" onClick={() => setAsking("reset")} disabled={!hasEdits || viewOnly}>
          Reset to starter
        </button>
        {!allowSolution || viewOnly ? null : showSolution ? (
          <button type="button" onClick={() => setShowSolution(false)}>
            Back to my code
          </button>
        ) : (
          <button type="button" onClick={() => setAsking("solution")}>
            Reveal solution
          </button>
        )}
      </div>
      {canUndo && (
        <p className="notice" role="status">
          Your files were reset to the starter.{" "}
          <button type="button" onClick={() => undoReset(slug)}>
            Undo reset
          </button>
        </p>
      )}
      <div className="tab-row">
        <FileTabs files={props.fileNames} active={active} readonly={viewOnly ? props.fileNames : props.readonly} panelId={panelId} onSelect={props.onSelect} />
        <EditorSettings />
      </div>
      <div role="tabpanel" id={panelId} aria-labelledby={tabId(active)} className="editor-host">
        {/* Tab indents inside Monaco; keyboard users need to know the way out. */}
        <p className="keyboard-hint" aria-hidden="true">
          Ctrl+M, then Tab: leave the editor
        </p>
        {!files ? (
          <p className="editor-loading">Loading files…</p>
        ) : (
          <Suspense fallback={<CodePreview file={active} text={files[active] ?? ""} fontSize={settings.editorFontSize} />}>
            {showSolution && solution && !viewOnly ? (
              <>
                <p className="diff-caption">
                  Left: your {active}. Right: the solution&apos;s. Read-only — your code is unchanged.
                </p>
                <SolutionDiff key={active} slug={slug} file={active} learner={files[active] ?? ""} solution={solution[active] ?? ""} fontSize={settings.editorFontSize} />
              </>
            ) : (
              <CodeEditor
                slug={viewOnly ? `${slug}.shared` : slug}
                files={files}
                active={active}
                readonly={viewOnly ? props.fileNames : props.readonly}
                packages={props.packages}
                onChange={(path, text) => !viewOnly && setFile(slug, path, text)}
                onRun={viewOnly ? () => {} : props.onRun}
                reveal={props.reveal}
                markers={props.markers}
                fontSize={settings.editorFontSize}
                wordWrap={settings.wordWrap}
              />
            )}
          </Suspense>
        )}
      </div>
      <ConfirmDialog
        open={asking === "reset"}
        title="Reset to the starter code?"
        confirmLabel="Reset"
        onConfirm={() => resetToStarter(slug)}
        onClose={() => setAsking(undefined)}
      >
        <p>Your changes to every file of this exercise are replaced by the starter code. You can undo this until you reload the page.</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={asking === "solution"}
        title="Reveal the solution?"
        confirmLabel="Reveal solution"
        onConfirm={() => setShowSolution(true)}
        onClose={() => setAsking(undefined)}
      >
        <p>You will see your code side by side with the reference solution. Your code is not changed. Trying a hint first often teaches more.</p>
      </ConfirmDialog>
    </section>
  );
}
