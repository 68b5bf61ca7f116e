import { phases, type Phase } from "./phases";
import type { ExerciseConfig } from "./schema";

export interface CoveredExercise {
  slug: string;
  config: Pick<ExerciseConfig, "title" | "phase" | "order" | "difficulty" | "topics" | "checkpoint">;
}

export interface PhaseCoverage<E extends CoveredExercise = CoveredExercise> {
  phase: Phase;
  /** In roadmap order: by `order`, then slug. */
  exercises: E[];
  checkpoint?: E;
  /** Topics of the phase some exercise teaches, in the phase's order. */
  taught: string[];
  /** Topics of the phase no exercise teaches yet, in the phase's order. */
  untaught: string[];
}

/** How far the exercises cover the roadmap: per phase, what is taught, what is not, the checkpoint. */
export function coverage<E extends CoveredExercise>(exercises: readonly E[]): PhaseCoverage<E>[] {
  return phases.map((phase) => {
    const own = exercises
      .filter((e) => e.config.phase === phase.number)
      .sort((a, b) => a.config.order - b.config.order || a.slug.localeCompare(b.slug));
    const topics = new Set(own.flatMap((e) => e.config.topics));
    return {
      phase,
      exercises: own,
      checkpoint: own.find((e) => e.config.checkpoint),
      taught: phase.topics.filter((t) => topics.has(t)),
      untaught: phase.topics.filter((t) => !topics.has(t)),
    };
  });
}
