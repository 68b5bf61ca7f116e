import { lazy, memo, Suspense } from "react";
import { Hints } from "../hints/hints";

// react-markdown, remark-gfm and highlight.js load with the first exercise, never with the roadmap.
const Markdown = lazy(() => import("../../markdown/markdown"));

export interface InstructionsProps {
  title: string;
  readme?: string;
  hints: readonly string[];
}

// Memoised: the workspace re-renders on every keystroke and test event, and rendering the README
// (markdown, highlighting) took most of a warm Run tests before it was (bench: ~600 ms of ~800).
export const Instructions = memo(function Instructions({ title, readme, hints }: InstructionsProps) {
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
});
