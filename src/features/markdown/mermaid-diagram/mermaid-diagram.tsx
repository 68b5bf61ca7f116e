import { useEffect, useId, useState } from "react";
import { useColorScheme } from "../../../app/use-color-scheme";
import { afterStartup } from "../../../app/after-startup";

type Mermaid = typeof import("mermaid").default;
let mermaidModule: Promise<Mermaid> | undefined;

/** Mermaid is large (hundreds of KB): fetched only when a README actually has a diagram. */
function loadMermaid(): Promise<Mermaid> {
  // After the start-up and once the browser is idle: the editor and the runtime, which the learner
  // is waiting for, go first (an ER diagram's layout is ~1 s of main thread on a busy 2-core machine).
  mermaidModule ??= afterStartup()
    .then(() => new Promise<void>((resolve) => (window.requestIdleCallback ?? setTimeout)(() => resolve(), { timeout: 2000 })))
    .then(() => import("mermaid"))
    .then((m) => m.default);
  return mermaidModule;
}

let queue: Promise<unknown> = Promise.resolve();

/** A ```mermaid block drawn as SVG; the source stays available as text for screen readers. */
export function MermaidDiagram({ source }: { source: string }) {
  const id = `mermaid-${useId().replace(/[^a-zA-Z0-9_-]/g, "")}`;
  const scheme = useColorScheme();
  const [svg, setSvg] = useState<string>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    let live = true;
    // mermaid.initialize is global: render one diagram at a time so themes never cross.
    queue = queue.then(async () => {
      const mermaid = await loadMermaid();
      mermaid.initialize({
        startOnLoad: false,
        securityLevel: "strict",
        theme: scheme === "dark" ? "dark" : "default",
        // The dark theme paints edge labels #585858, and text under or in them is #ccc: 4.43:1, under
        // WCAG AA's 4.5:1 (axe caught it once, when an ER label sat over a table cell).
        themeVariables: scheme === "dark" ? { edgeLabelBackground: "#2d2d2d" } : {},
      });
      try {
        const { svg } = await mermaid.render(`${id}-${scheme}`, source);
        if (live) setSvg(svg);
      } catch (e) {
        if (live) setError((e as Error).message);
      }
    });
    return () => {
      live = false;
    };
  }, [id, source, scheme]);

  const kind = source.trim().split(/\s/)[0] ?? "diagram";
  return (
    <figure className="mermaid">
      {svg ? (
        // mermaid sanitises its SVG (securityLevel "strict"); the README is ours, not the learner's.
        <div role="img" aria-label={`Diagram (${kind}); its source follows`} dangerouslySetInnerHTML={{ __html: svg }} />
      ) : (
        <p className="muted">{error ? `The diagram could not be drawn: ${error}` : "Drawing diagram…"}</p>
      )}
      <details>
        <summary>Diagram source</summary>
        <pre tabIndex={0}>{source}</pre>
      </details>
    </figure>
  );
}
