import { useMemo } from "react";
import { catalog, type CatalogEntry } from "../../exercises/catalog";
import { coverage, type PhaseCoverage } from "../../exercises/coverage";
import { progressStatus, useAppStore } from "../../store";

export interface PhaseProgress extends PhaseCoverage<CatalogEntry> {
  passed: number;
  /** "empty" when the phase has no exercises yet. */
  state: "empty" | "not-started" | "in-progress" | "done";
}

/** Each phase's exercises and how many of them the learner has passed, in roadmap order. */
export function useRoadmapProgress(): PhaseProgress[] {
  const progress = useAppStore((s) => s.progress);
  return useMemo(
    () =>
      coverage(catalog).map((phase) => {
        const statuses = phase.exercises.map((e) => progressStatus(progress[e.slug]));
        const passed = statuses.filter((s) => s === "passed").length;
        const state = phase.exercises.length === 0
          ? "empty"
          : passed === phase.exercises.length
            ? "done"
            : statuses.some((s) => s !== "not-started") ? "in-progress" : "not-started";
        return { ...phase, passed, state };
      }),
    [progress],
  );
}

export function progressText(phase: Pick<PhaseProgress, "passed" | "exercises">): string {
  return phase.exercises.length === 0 ? "No exercises yet" : `${phase.passed} of ${phase.exercises.length} passed`;
}
