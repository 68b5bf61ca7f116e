import { lazy, Suspense, useCallback, useMemo } from "react";
import { findExercise, type CatalogEntry } from "../../exercises/catalog";
import { appStore, learnerFiles, useAppStore, type RunLog } from "../../store";
import type { EditorMarker } from "../editor/code-editor";
import { TestResults } from "../results/test-results";
import { ShareButton } from "../share/share-button";
import { SharedBanner } from "../share/shared-banner";
import { useSharedCode } from "../share/use-shared-code";
import { TerminalPanel } from "../terminal";
import { EditorPane } from "./editor-pane/editor-pane";
import { Instructions } from "./instructions/instructions";
import { useRunShortcut } from "./use-run-shortcut";
import { useWorkspace } from "./use-workspace";
import { WorkspaceHeader } from "./workspace-header/workspace-header";
import "./workspace.css";

const PreviewPane = lazy(() => import("../preview/preview-pane"));

// WebContainer mode only: the terminal's shell and npm/Vitest output, reached through the store.
const watchOutput = async (write: (chunk: string) => void) => (await appStore.getState().container())?.onOutput(write) ?? (() => {});
const openShell = async (size: { cols: number; rows: number }) => {
  const container = await appStore.getState().container();
  if (!container) throw new Error("the WebContainer runtime is not the one in use");
  return container.preferred.shell(size);
};

const NO_RUNS: RunLog[] = [];

export function ExercisePage({ slug }: { slug: string }) {
  const entry = findExercise(slug);
  if (!entry) {
    return (
      <main className="page">
        <h1>No exercise called “{slug}”</h1>
        <p>
          <a href="#/">Back to the roadmap</a>
        </p>
      </main>
    );
  }
  // Keyed: a new exercise starts with fresh tabs, hints and editor models.
  return <Workspace key={entry.slug} entry={entry} />;
}

function Workspace({ entry }: { entry: CatalogEntry }) {
  const { slug, config } = entry;
  const { exercise, files: own, runs, run, active, setActive, reveal, openLocation, markers, runTests } = useWorkspace(entry);
  const editable = useMemo(() => entry.files.filter((f) => !config.readonly.includes(f)), [entry.files, config.readonly]);
  const { shared, leave } = useSharedCode(entry.files, editable);
  const viewing = shared.status === "shown" || shared.status === "loading";
  const starter = exercise.files?.starter;
  const sharedFiles = shared.status === "shown" && starter ? learnerFiles(starter, shared.files, config.readonly) : undefined;
  const files = viewing ? sharedFiles : own;
  const hasEdits = useAppStore((s) => slug in s.files);
  const wouldReplace = hasEdits && sharedFiles !== undefined && own !== undefined && editable.some((f) => own[f] !== sharedFiles[f]);

  const run_ = useCallback(() => void runTests(), [runTests]);
  // Shared code never runs from a shortcut either: only after "Open as my copy".
  useRunShortcut(viewing ? noop : run_);
  const runSql = useCallback((query: string) => appStore.getState().runSql(query), []);
  const inContainer = useAppStore((s) => s.runtimeKind) === "webcontainer";
  const preview = useAppStore((s) => s.preview);

  const take = () => {
    if (!sharedFiles) return;
    const { setFile } = appStore.getState();
    for (const file of editable) setFile(slug, file, sharedFiles[file]);
    leave();
  };

  return (
    <div className="workspace">
      <WorkspaceHeader entry={entry} />
      <SharedBanner shared={shared} wouldReplace={wouldReplace} onTake={take} onLeave={leave} />
      <main className="workspace-main">
        <Instructions title={config.title} readme={exercise.files?.readme} hints={config.hints} />
        <EditorPane
          slug={slug}
          files={files}
          solution={exercise.files?.solution}
          fileNames={entry.files}
          readonly={config.readonly}
          packages={config.packages}
          active={active}
          onSelect={setActive}
          reveal={reveal}
          markers={viewing ? NO_MARKERS : markers}
          onRun={run_}
          viewOnly={viewing}
          actions={viewing ? undefined : <ShareButton slug={slug} files={own && Object.fromEntries(editable.map((f) => [f, own[f]]))} />}
        />
        <div className="pane output-pane">
          {exercise.error && <p role="alert" className="run-error">{exercise.error}</p>}
          <TestResults run={viewing ? undefined : run} files={entry.files} onOpenLocation={openLocation} />
          <TerminalPanel
            runs={viewing ? NO_RUNS : runs}
            runSql={entry.hasSeed ? runSql : undefined}
            watchOutput={inContainer ? watchOutput : undefined}
            openShell={inContainer ? openShell : undefined}
          />
          {inContainer && preview && (
            <Suspense fallback={null}>
              <PreviewPane port={preview.port} url={preview.url} />
            </Suspense>
          )}
        </div>
      </main>
    </div>
  );
}

const noop = () => {};
const NO_MARKERS: EditorMarker[] = [];
