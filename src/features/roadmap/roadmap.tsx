import { useEffect } from "react";
import { catalog, findExercise } from "../../exercises/catalog";
import { useAppStore } from "../../store";
import { ProgressTransfer } from "../progress-transfer/progress-transfer";
import { SettingsButton } from "../settings/settings-dialog";
import { PhasePath } from "./phase-path/phase-path";
import { PhaseSection } from "./phase-section/phase-section";
import { useRoadmapProgress } from "./use-roadmap-progress";
import "./roadmap.css";

/** `#/` and `#/phases/<slug>`: the path through the 25 phases, then each phase in full. */
export function Roadmap({ focusPhase }: { focusPhase?: string }) {
  const phases = useRoadmapProgress();
  const last = findExercise(useAppStore((s) => s.lastOpened) ?? "");
  const passed = phases.reduce((n, p) => n + p.passed, 0);
  const focused = phases.find((p) => p.phase.slug === focusPhase)?.phase.number;

  useEffect(() => {
    if (focused === undefined) return;
    const heading = document.getElementById(`phase-${focused}`);
    heading?.scrollIntoView({ block: "start" });
    heading?.focus({ preventScroll: true });
  }, [focused]);

  return (
    <main className="page roadmap">
      <div className="roadmap-title">
        <h1>Roadlab</h1>
        <SettingsButton />
      </div>
      <p className="lede">A backend roadmap in 25 phases. Pick an exercise, make the hidden tests pass — all in your browser.</p>
      <div className="overall">
        <label htmlFor="overall-progress">
          {passed} of {catalog.length} exercises passed
        </label>
        <progress id="overall-progress" max={Math.max(1, catalog.length)} value={passed} />
        {last && (
          <a className="continue" href={`#/exercises/${last.slug}`}>
            Continue where you left off: {last.config.title}
          </a>
        )}
      </div>
      <PhasePath phases={phases} current={last?.config.phase} />
      <div className="phases">
        {phases.map((p) => (
          <PhaseSection key={p.phase.slug} phase={p} />
        ))}
      </div>
      <ProgressTransfer />
    </main>
  );
}
