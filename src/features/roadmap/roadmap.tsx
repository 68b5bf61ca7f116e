import { catalog, findExercise } from "../../exercises/catalog";
import { phases } from "../../exercises/phases";
import { progressLabels, progressStatus, useAppStore } from "../../store";
import { ProgressTransfer } from "../progress-transfer/progress-transfer";
import { SettingsButton } from "../settings/settings-dialog";
import "./roadmap.css";

export function Roadmap() {
  const progress = useAppStore((s) => s.progress);
  const last = findExercise(useAppStore((s) => s.lastOpened) ?? "");
  const passed = catalog.filter((e) => progress[e.slug]?.status === "passed").length;

  return (
    <main className="page roadmap">
      <div className="roadmap-title">
        <h1>Roadlab</h1>
        <SettingsButton />
      </div>
      <p className="lede">A backend roadmap in 25 phases. Pick an exercise, make the hidden tests pass — all in your browser.</p>
      <p className="overall">
        {passed} of {catalog.length} exercises passed.
        {last && (
          <>
            {" "}
            <a className="continue" href={`#/exercises/${last.slug}`}>
              Continue where you left off: {last.config.title}
            </a>
          </>
        )}
      </p>
      <ol className="phases">
        {phases.map((phase) => {
          const exercises = catalog.filter((e) => e.config.phase === phase.number);
          return (
            <li key={phase.slug} className="phase">
              <h2 id={`phase-${phase.number}`}>
                <span className="phase-number">{phase.number}.</span> {phase.title}
              </h2>
              <p className="phase-summary">{phase.summary}</p>
              {exercises.length > 0 ? (
                <ul className="exercises">
                  {exercises.map((e) => {
                    const status = progressStatus(progress[e.slug]);
                    return (
                      <li key={e.slug} className="exercise">
                        <a href={`#/exercises/${e.slug}`}>{e.config.title}</a>
                        <span className={`difficulty difficulty-${e.config.difficulty}`}>{e.config.difficulty}</span>
                        <span className={`progress progress-${status}`}>
                          <span aria-hidden="true">{status === "passed" ? "✓ " : status === "in-progress" ? "◐ " : "○ "}</span>
                          {progressLabels[status]}
                        </span>
                        {e.config.summary && <p className="exercise-summary">{e.config.summary}</p>}
                      </li>
                    );
                  })}
                </ul>
              ) : (
                <p className="muted no-exercises">No exercises yet.</p>
              )}
            </li>
          );
        })}
      </ol>
      <ProgressTransfer />
    </main>
  );
}
