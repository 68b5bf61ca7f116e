import { lazy, Suspense } from "react";
import { Hints } from "../hints/hints";

// react-markdown, remark-gfm and highlight.js load with the first exercise, never with the roadmap.
const Markdown = lazy(() => import("../../markdown/markdown"));

export interface InstructionsProps {
  title: string;
  readme?: string;
  hints: readonly string[];
}

export function Instructions({ title, readme, hints }: InstructionsProps) {
  return (
    <section className="pane instructions-pane" aria-labelledby="instructions-heading">
      <h2 id="instructions-heading">Instructions</h2>
      {readme === undefined ? (
        <p className="muted">Loading instructions…</p>
      ) : (
        <Suspense fallback={<p className="muted">Loading instructions…</p>}>
          <Markdown text={readme} title={title} />
        </Suspense>
      )}
      <Hints hints={hints} />
    </section>
  );
}
