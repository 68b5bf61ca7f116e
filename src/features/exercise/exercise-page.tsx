import { lazy, Suspense, useCallback, useMemo, useState } from "react";
import { findExercise, type CatalogEntry } from "../../exercises/catalog";
import { appStore, latestRun, learnerFiles, useAppStore, useHydrated, type RunLog } from "../../store";
import type { EditorMarker } from "../editor/code-editor";
import { findLocations, type SourceLocation } from "../results/locations";
import { TestResults } from "../results/test-results";
import { TerminalPanel } from "../terminal";
import { EditorPane } from "./editor-pane/editor-pane";
import { Instructions } from "./instructions/instructions";
import { useExercise } from "./use-exercise";
import { useRunShortcut } from "./use-run-shortcut";
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
  const exercise = useExercise(entry);
  const hydrated = useHydrated();
  const edits = useAppStore((s) => s.files[slug]);
  const runs = useAppStore((s) => s.runs[slug]) ?? NO_RUNS;
  const run = latestRun(runs);
  const starter = exercise.files?.starter;
  const files = useMemo(() => (starter && hydrated ? learnerFiles(starter, edits, config.readonly) : undefined), [starter, hydrated, edits, config.readonly]);
  const [active, setActive] = useState(() => entry.files.find((f) => f === "main.ts") ?? entry.files.find((f) => !config.readonly.includes(f)) ?? entry.files[0]);
  const [reveal, setReveal] = useState<SourceLocation>();

  const runTests = useCallback(() => void appStore.getState().runTests(slug), [slug]);
  useRunShortcut(runTests);
  const runSql = useCallback((query: string) => appStore.getState().runSql(query), []);
  const inContainer = useAppStore((s) => s.runtimeKind) === "webcontainer";
  const preview = useAppStore((s) => s.preview);

  const openLocation = useCallback((location: SourceLocation) => {
    setActive(location.file);
    setReveal({ ...location });
  }, []);

  // A run that could not complete (syntax error, time-out) marks the line it names in the editor.
  const markers = useMemo<EditorMarker[]>(() => {
    const message = run?.results?.status === "error" ? run.results.message : undefined;
    return message ? findLocations(message, entry.files).map(({ file, line, column }) => ({ file, line, column, message })) : [];
  }, [run, entry.files]);

  return (
    <div className="workspace">
      <WorkspaceHeader entry={entry} />
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
          markers={markers}
          onRun={runTests}
        />
        <div className="pane output-pane">
          {exercise.error && <p role="alert" className="run-error">{exercise.error}</p>}
          <TestResults run={run} files={entry.files} onOpenLocation={openLocation} />
          <TerminalPanel
            runs={runs}
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
