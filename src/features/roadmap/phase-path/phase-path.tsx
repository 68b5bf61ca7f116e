import type { CSSProperties } from "react";
import { progressText, type PhaseProgress } from "../use-roadmap-progress";
import { pathThrough, placeNodes, ROW_HEIGHT } from "./path-layout";
import { usePathColumns } from "./use-path-columns";
import "./phase-path.css";

/** The 25 phases drawn as one winding road; each node shows its progress and opens its phase. */
export function PhasePath({ phases, current }: { phases: PhaseProgress[]; current?: number }) {
  const columns = usePathColumns();
  const places = placeNodes(phases.length, columns);
  const path = pathThrough(places, columns);

  return (
    <nav className="phase-path" aria-label="Roadmap path">
      <div className="path-canvas" style={{ height: path.height }}>
        <svg className="path-line" viewBox={`0 0 ${path.width} ${path.height}`} preserveAspectRatio="none" aria-hidden="true">
          <path d={path.d} vectorEffect="non-scaling-stroke" />
        </svg>
        <ol>
          {phases.map((p, i) => {
            const { row, column } = places[i];
            const done = p.exercises.length === 0 ? 0 : p.passed / p.exercises.length;
            const style = {
              left: `${((column + 0.5) / columns) * 100}%`,
              top: row * ROW_HEIGHT,
              width: `${100 / columns}%`,
              "--done": done,
            } as CSSProperties;
            return (
              <li key={p.phase.slug} className={`path-node state-${p.state}`} style={style}>
                <a href={`#/phases/${p.phase.slug}`} aria-current={p.phase.number === current ? "step" : undefined}>
                  <span className="node-badge" aria-hidden="true">
                    <span>{p.phase.number}</span>
                  </span>
                  <span className="node-title">
                    <span className="visually-hidden">Phase {p.phase.number}: </span>
                    {p.phase.title}
                  </span>
                  <span className="node-progress">
                    {p.state === "done" && <span aria-hidden="true">✓ </span>}
                    {progressText(p)}
                  </span>
                </a>
              </li>
            );
          })}
        </ol>
      </div>
    </nav>
  );
}
