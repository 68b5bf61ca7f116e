import { lazy, Suspense, useMemo, useRef, useState, type DragEvent } from "react";
import { replayFiles, ReplayError } from "../../exercises/submission";
import { formatClock, integrityProblems, loadSubmission, type LoadedSubmission } from "./load-submission";
import { Timeline } from "./timeline";
import { usePlayback } from "./use-playback";
import "./replay.css";

// Monaco is megabytes: the page is usable (open, facts, timeline) while it loads.
const ReplayCode = lazy(() => import("./replay-code").then((m) => ({ default: m.ReplayCode })));
const ReplayDiff = lazy(() => import("./replay-code").then((m) => ({ default: m.ReplayDiff })));

let opened = 0;

/** `#/replay`: an interviewer steps through a candidate's session. The code is shown, never run. */
export function ReplayPage() {
  const [loaded, setLoaded] = useState<(LoadedSubmission & { id: string }) | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  async function open(file: File | undefined) {
    if (!file) return;
    const result = await loadSubmission(file);
    if ("error" in result) {
      setError(`${result.name} is not a submission Roadlab can replay: ${result.error}`);
      return;
    }
    setError(undefined);
    setLoaded({ ...result, id: String(++opened) });
  }

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    void open(event.dataTransfer.files[0]);
  };

  return (
    <main
      className="page replay-page"
      data-dragging={dragging}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <p><a href="#/">Back to the roadmap</a></p>
      <h1>Replay a submission</h1>
      <p className="lede">
        Step through a candidate's session: what they typed, pasted and ran, and when. The candidate's code is only shown here, never run;
        grade it with <code>roadlab grade</code>.
      </p>
      <div className="button-row">
        <button type="button" className="primary" onClick={() => input.current?.click()}>Open submission</button>
        <span className="muted">or drop a submission file on this page.</span>
        <input ref={input} type="file" accept=".json,application/json" hidden onChange={(e) => void open(e.target.files?.[0]).finally(() => (e.target.value = ""))} />
      </div>
      {error && <p role="alert" className="replay-error">{error}</p>}
      {loaded && <Replay key={loaded.id} loaded={loaded} />}
    </main>
  );
}

function Replay({ loaded }: { loaded: LoadedSubmission & { id: string } }) {
  const { submission, facts, integrity, id } = loaded;
  const log = submission.log;
  const playback = usePlayback(log);
  const start = log[0].type === "start" ? log[0].files : {};
  const now = useMemo(() => {
    try {
      return { files: replayFiles(log, playback.upTo) };
    } catch (error) {
      if (error instanceof ReplayError) return { files: replayFiles(log.slice(0, 1)), error: error.message };
      throw error;
    }
  }, [log, playback.upTo]);
  const names = [...new Set([...Object.keys(start), ...Object.keys(submission.files)])].sort();
  const [active, setActive] = useState(names[0]);
  const problems = integrityProblems(integrity);
  const pastedChars = facts.pastes.reduce((a, b) => a + b, 0);

  return (
    <>
      <section aria-labelledby="replay-title" className="replay-summary">
        <h2 id="replay-title">{submission.task.title}</h2>
        <p className="muted">{loaded.name} · task <code>{submission.task.slug}</code> · submitted {new Date(submission.submittedAt).toLocaleString()}</p>
        <dl className="replay-facts">
          <div><dt>Time used</dt><dd>{formatClock(facts.usedMs)}{submission.task.minutes !== null && ` of ${submission.task.minutes}m`}</dd></div>
          <div><dt>Pastes</dt><dd>{facts.pastes.length}{facts.pastes.length > 0 && ` (${pastedChars} characters, largest ${Math.max(...facts.pastes)})`}</dd></div>
          <div><dt>Focus losses</dt><dd>{facts.focusLosses}</dd></div>
          <div><dt>Test runs</dt><dd>{facts.runs}</dd></div>
          <div><dt>Reloads</dt><dd>{facts.reloads}</dd></div>
        </dl>
        {problems.length > 0 ? (
          <ul role="alert" className="replay-problems">{problems.map((p) => <li key={p}>{p}</li>)}</ul>
        ) : (
          <p className="replay-ok">The log's hash chain holds and replays to the submitted files. (Whether it was made for your version of the task only <code>roadlab grade</code> can tell, with the exercise.)</p>
        )}
      </section>
      <Timeline log={log} playback={playback} />
      <section aria-labelledby="code-heading" className="replay-code">
        <h2 id="code-heading">Code at this point</h2>
        {now.error && <p role="alert" className="replay-error">The log cannot be replayed past here: {now.error}</p>}
        <div role="tablist" aria-label="Files" className="replay-tabs">
          {names.map((name) => (
            <button key={name} type="button" role="tab" aria-selected={name === active} onClick={() => setActive(name)}>{name}</button>
          ))}
        </div>
        <div className="replay-editor" role="tabpanel" aria-label={active}>
          <Suspense fallback={<p className="editor-loading">Loading editor…</p>}>
            {active in now.files ? <ReplayCode id={id} file={active} text={now.files[active]} /> : <p className="muted">{active} does not exist yet at this point.</p>}
          </Suspense>
        </div>
      </section>
      <section aria-labelledby="diff-heading" className="replay-code">
        <h2 id="diff-heading">Final code vs starter</h2>
        <p className="muted">Left: {active} as the session started; right: as submitted.</p>
        <div className="replay-editor">
          <Suspense fallback={<p className="editor-loading">Loading the diff…</p>}>
            <ReplayDiff id={id} file={active} starter={start[active] ?? ""} final={submission.files[active] ?? ""} />
          </Suspense>
        </div>
      </section>
    </>
  );
}
