import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from "react";
import { CodePreview } from "../editor/code-preview";
import { findExercise, loadExerciseFiles, type CatalogEntry, type ExerciseFiles } from "../../exercises/catalog";
import type { InterviewSettings } from "../../exercises/interview-settings";
import type { Submission } from "../../exercises/submission";
import { appStore, useAppStore } from "../../store";
import type { RunLog } from "../../store/run-log";
import { ConfirmDialog } from "../confirm-dialog/confirm-dialog";
import { FileTabs, tabId } from "../exercise/file-tabs/file-tabs";
import { Instructions } from "../exercise/instructions/instructions";
import { RuntimeStatus } from "../exercise/runtime-status/runtime-status";
import { useRunShortcut } from "../exercise/use-run-shortcut";
import { downloadJson } from "../progress-transfer/download";
import { TestResults } from "../results/test-results";
import { InterviewTimer } from "./interview-timer";
import { runVisibleTests } from "./run-visible-tests";
import { useInterviewSession } from "./use-interview-session";
import "../exercise/workspace.css";
import "./interview.css";

const CodeEditor = lazy(() => import("../editor/code-editor"));

/** The whole app in a candidate bundle: one task, its visible tests, a timer and Submit. */
export default function InterviewPage({ settings }: { settings: InterviewSettings }) {
  const entry = findExercise(settings.slug);
  if (!entry) return <main className="page"><h1>This interview bundle has no exercise “{settings.slug}”</h1></main>;
  return <Candidate settings={settings} entry={entry} />;
}

function Candidate({ settings, entry }: { settings: InterviewSettings; entry: CatalogEntry }) {
  const { config } = entry;
  const [exercise, setExercise] = useState<ExerciseFiles>();
  const [loadError, setLoadError] = useState<string>();
  useEffect(() => {
    void appStore.getState().prepareExercise(entry.slug).catch(() => {});
    loadExerciseFiles(entry.path).then(setExercise, (error: Error) => setLoadError(`The task's files could not be loaded: ${error.message}`));
  }, [entry]);

  const { session, error: sessionError } = useInterviewSession(settings, exercise?.starter);
  const [files, setFiles] = useState<Record<string, string>>();
  const [submission, setSubmission] = useState<Submission>();
  const [asking, setAsking] = useState(false);
  const [run, setRun] = useState<RunLog>();
  const [active, setActive] = useState(() => entry.files.find((f) => f === "main.ts") ?? entry.files[0]);
  const fontSize = useAppStore((s) => s.settings.editorFontSize);

  useEffect(() => {
    if (!session) return;
    setFiles(session.files);
    if (session.submitted) void session.submission().then(setSubmission);
  }, [session]);

  const download = useCallback((done: Submission) => downloadJson(`${settings.slug}-submission.json`, done), [settings.slug]);
  const submit = useCallback(
    async (reason: "submitted" | "time-up") => {
      if (!session || session.submitted) return;
      const done = await session.submit(reason);
      setSubmission(done);
      download(done);
    },
    [session, download],
  );

  const locked = submission !== undefined || session?.submitted !== undefined;
  const runTests = useCallback(async () => {
    if (!session || !exercise || locked || (run && !run.results)) return;
    const id = (run?.id ?? 0) + 1;
    setRun({ id, slug: entry.slug, startedAt: Date.now(), events: [] });
    const results = await runVisibleTests(exercise, session.files, config, (events) =>
      setRun((r) => (r?.id === id ? { ...r, events: [...r.events, ...events] } : r)),
    );
    setRun((r) => (r?.id === id ? { ...r, results } : r));
    await session.run(results);
  }, [session, exercise, locked, run, entry.slug, config]);
  useRunShortcut(() => void runTests());

  const onChange = useCallback(
    (path: string, text: string, changes: readonly { rangeOffset: number; rangeLength: number; text: string }[]) => {
      session?.edit(path, changes, text);
      setFiles((current) => ({ ...current, [path]: text }));
    },
    [session],
  );
  const readonly = useMemo(() => (locked ? entry.files : config.readonly), [locked, entry.files, config.readonly]);
  const error = loadError ?? sessionError ?? session?.storageError;

  return (
    <div className="workspace interview">
      <header className="workspace-header interview-header">
        <div className="title-row">
          <h1>{settings.title}</h1>
          {session && (
            <InterviewTimer
              startedAtMs={session.startedAtMs}
              minutes={settings.minutes}
              stoppedAtMs={submission ? Date.parse(submission.submittedAt) : undefined}
              onTimeUp={() => void submit("time-up")}
            />
          )}
          <RuntimeStatus />
          <button type="button" className="primary" onClick={() => setAsking(true)} disabled={!session || locked}>
            Submit
          </button>
        </div>
        {submission && (
          <p className="notice interview-done" role="status">
            {submission.log.at(-1)?.type === "submit" && (submission.log.at(-1) as { reason: string }).reason === "time-up" ? "Time is up: your work was submitted. " : "Submitted. "}
            This page is read-only now. Your submission was downloaded as {settings.slug}-submission.json: send that file to your interviewer.{" "}
            <button type="button" onClick={() => download(submission)}>
              Download the submission again
            </button>
          </p>
        )}
        {error && <p role="alert" className="run-error">{error}</p>}
      </header>
      <main className="workspace-main">
        <Instructions title={config.title} readme={exercise?.readme} hints={[]} />
        <section className="pane editor-pane" aria-labelledby="editor-heading">
          <h2 id="editor-heading" className="visually-hidden">Code</h2>
          <div className="toolbar">
            <button type="button" className="primary" onClick={() => void runTests()} disabled={locked} aria-keyshortcuts="Control+Enter Meta+Enter">
              Run tests
            </button>
            <span className="shortcut" aria-hidden="true">Ctrl+Enter</span>
            <span className="muted">Runs {settings.visible.join(", ")}; more tests run at grading.</span>
          </div>
          <div className="tab-row">
            <FileTabs files={entry.files} active={active} readonly={readonly} panelId="editor-panel" onSelect={setActive} />
          </div>
          <div role="tabpanel" id="editor-panel" aria-labelledby={tabId(active)} className="editor-host">
            {!files ? (
              <p className="editor-loading">Loading files…</p>
            ) : (
              <Suspense fallback={<CodePreview file={active} text={files[active] ?? ""} fontSize={fontSize} />}>
                <CodeEditor
                  slug={`interview-${settings.hash.slice(0, 12)}`}
                  files={files}
                  active={active}
                  readonly={readonly}
                  packages={config.packages}
                  onChange={onChange}
                  onPaste={(path, length) => session?.paste(path, length)}
                  onRun={() => void runTests()}
                  markers={[]}
                  fontSize={fontSize}
                  wordWrap={false}
                />
              </Suspense>
            )}
          </div>
        </section>
        <div className="pane output-pane">
          <TestResults run={run} files={entry.files} onOpenLocation={(location) => setActive(location.file)} />
        </div>
      </main>
      <ConfirmDialog open={asking} title="Submit your work?" confirmLabel="Submit" onConfirm={() => void submit("submitted")} onClose={() => setAsking(false)}>
        <p>Your files and this session&apos;s log are saved as one file for your interviewer. After that you cannot edit any more.</p>
      </ConfirmDialog>
    </div>
  );
}
