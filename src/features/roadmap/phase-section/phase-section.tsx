import { progressLabels, progressStatus, useAppStore } from "../../../store";
import { progressText, type PhaseProgress } from "../use-roadmap-progress";
import "./phase-section.css";

/** One phase: what it teaches, its checkpoint project and its exercises with the learner's progress. */
export function PhaseSection({ phase: p }: { phase: PhaseProgress }) {
  const progress = useAppStore((s) => s.progress);
  const { number, title, summary, topics, checkpoint } = p.phase;
  const taught = new Set(p.taught);

  return (
    <section className={`phase state-${p.state}`} aria-labelledby={`phase-${number}`}>
      <div className="phase-head">
        <h2 id={`phase-${number}`} tabIndex={-1}>
          <span className="phase-number">{number}.</span> {title}
        </h2>
        <span className="phase-progress">{progressText(p)}</span>
      </div>
      <p className="phase-summary">{summary}</p>
      <ul className="topics" aria-label={`Topics of phase ${number}`}>
        {topics.map((topic) => (
          <li key={topic} className={taught.has(topic) ? "topic taught" : "topic"}>
            {topic}
            {!taught.has(topic) && <span className="visually-hidden"> (no exercise yet)</span>}
          </li>
        ))}
      </ul>
      <p className="checkpoint">
        <strong>Checkpoint:</strong> {checkpoint}{" "}
        {p.checkpoint ? (
          <span className="muted">— the exercise “{p.checkpoint.config.title}” below.</span>
        ) : (
          <span className="muted">(exercise to come)</span>
        )}
      </p>
      {p.exercises.length > 0 ? (
        <ul className="exercises">
          {p.exercises.map((e) => {
            const status = progressStatus(progress[e.slug]);
            return (
              <li key={e.slug} className="exercise">
                <a href={`#/exercises/${e.slug}`}>{e.config.title}</a>
                {e.config.checkpoint && <span className="checkpoint-tag">checkpoint</span>}
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
        <p className="muted no-exercises">No exercises yet: the topics above are what this phase will teach.</p>
      )}
    </section>
  );
}
