import { useEffect, useState } from "react";
import { findExercise, loadReadme } from "../../exercises/catalog";

export function ExercisePage({ slug }: { slug: string }) {
  const entry = findExercise(slug);
  const [readme, setReadme] = useState<string>();

  useEffect(() => {
    if (entry) void loadReadme(entry).then(setReadme);
  }, [entry]);

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
  return (
    <main className="page">
      <p>
        <a href="#/">← Roadmap</a>
      </p>
      <h1>{entry.config.title}</h1>
      <pre className="instructions">{readme ?? "Loading instructions…"}</pre>
    </main>
  );
}
