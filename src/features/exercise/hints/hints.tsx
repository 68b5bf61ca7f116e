import { useRef, useState } from "react";

/** Hints one at a time: each costs a click, so a learner tries before reading the next. Keyed by exercise. */
export function Hints({ hints }: { hints: readonly string[] }) {
  const [shown, setShown] = useState(0);
  const lastHint = useRef<HTMLLIElement>(null);

  if (hints.length === 0) return null;
  const reveal = () => {
    setShown((n) => n + 1);
    // With the button gone after the last hint, keep focus on the text just revealed.
    if (shown + 1 === hints.length) requestAnimationFrame(() => lastHint.current?.focus());
  };
  return (
    <section className="hints" aria-labelledby="hints-heading">
      <h3 id="hints-heading">Hints</h3>
      {shown > 0 && (
        <ol>
          {hints.slice(0, shown).map((hint, i) => (
            <li key={i} ref={i === shown - 1 ? lastHint : undefined} tabIndex={-1}>
              {hint}
            </li>
          ))}
        </ol>
      )}
      {shown < hints.length && (
        <button type="button" onClick={reveal}>
          Show hint {shown + 1} of {hints.length}
        </button>
      )}
    </section>
  );
}
