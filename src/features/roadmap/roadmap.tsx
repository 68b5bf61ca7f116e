import { phases } from "../../exercises/phases";
import { catalog } from "../../exercises/catalog";

export function Roadmap() {
  return (
    <main className="page">
      <h1>Roadlab</h1>
      <p className="lede">A backend roadmap in 25 phases. Pick an exercise, make the hidden tests pass.</p>
      <ol className="phases">
        {phases.map((phase) => {
          const exercises = catalog.filter((e) => e.config.phase === phase.number);
          return (
            <li key={phase.slug} className="phase">
              <h2>
                <span className="phase-number">{phase.number}</span> {phase.title}
              </h2>
              <p>{phase.summary}</p>
              {exercises.length > 0 && (
                <ul className="exercises">
                  {exercises.map((e) => (
                    <li key={e.slug}>
                      <a href={`#/exercises/${e.slug}`}>{e.config.title}</a>{" "}
                      <span className="difficulty">{e.config.difficulty}</span>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ol>
    </main>
  );
}
