import type { LogEvent } from "../../exercises/submission";
import { formatClock } from "./load-submission";
import { SPEEDS, usePlayback } from "./use-playback";

type Playback = ReturnType<typeof usePlayback>;

/** One line for an event: the slider's value text and the markers' labels. */
export function describeEvent(event: LogEvent): string {
  const at = formatClock(event.t);
  switch (event.type) {
    case "start": return `Session started at ${at}`;
    case "edit": return `Edit in ${event.file} at ${at}`;
    case "paste": return `Paste of ${event.length} characters into ${event.file} at ${at}`;
    case "set-files": return `Files reset at ${at}`;
    case "run": return `Tests run at ${at}: ${event.passed} of ${event.total} passed`;
    case "blur": return `Left the page at ${at}`;
    case "focus": return `Came back at ${at}`;
    case "reload": return `Page reloaded at ${at}`;
    case "submit": return `${event.reason === "time-up" ? "Time ran out" : "Submitted"} at ${at}`;
  }
}

/** The slider over the log, play/pause and speed, and a marker for each run and paste. */
export function Timeline({ log, playback }: { log: readonly LogEvent[]; playback: Playback }) {
  const { upTo, playing, speed } = playback;
  const last = log.length;
  const current = log[upTo - 1];
  const marked = log.filter((e) => e.type === "run" || e.type === "paste");
  const at = (seq: number) => (last <= 1 ? 0 : (seq / (last - 1)) * 100);
  return (
    <section className="replay-timeline" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">Timeline</h2>
      <div className="timeline-controls">
        <button type="button" className="primary" onClick={playback.toggle} aria-pressed={playing}>
          {playing ? "Pause" : "Play"}
        </button>
        <label>
          Speed{" "}
          <select value={speed} onChange={(e) => playback.setSpeed(Number(e.target.value))}>
            {SPEEDS.map((s) => <option key={s} value={s}>{s}×</option>)}
          </select>
        </label>
        <span className="timeline-position" aria-live="off">
          Event {upTo} of {last}: {describeEvent(current)}
        </span>
      </div>
      <div className="timeline-track">
        <input
          type="range"
          aria-label="Timeline"
          min={1}
          max={last}
          step={1}
          value={upTo}
          aria-valuetext={`Event ${upTo} of ${last}: ${describeEvent(current)}`}
          onChange={(e) => playback.seek(Number(e.target.value))}
        />
        <ol className="timeline-marks" aria-label="Runs and pastes">
          {marked.map((e) => (
            <li key={e.seq} style={{ left: `${at(e.seq)}%` }}>
              <button type="button" className={`mark mark-${e.type}`} aria-label={describeEvent(e)} title={describeEvent(e)} onClick={() => playback.seek(e.seq + 1)}>
                {e.type === "run" ? "▶" : "◆"}
              </button>
            </li>
          ))}
        </ol>
      </div>
      <p className="muted timeline-legend">▶ a test run, ◆ a paste; long idle stretches play shortened.</p>
    </section>
  );
}
