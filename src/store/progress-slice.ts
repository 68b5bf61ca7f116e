import type { Slice } from "./app-store";
import type { ExerciseProgress } from "./persisted";
import { nextProgress, type ProgressEvent } from "./progress";

export interface ProgressSlice {
  progress: Record<string, ExerciseProgress>;
  lastOpened?: string;
  recordProgress(slug: string, event: ProgressEvent): void;
  markOpened(slug: string): void;
}

export const createProgressSlice: Slice<ProgressSlice> = (set) => ({
  progress: {},
  lastOpened: undefined,
  recordProgress(slug, event) {
    set((s) => ({ progress: { ...s.progress, [slug]: nextProgress(s.progress[slug], event, Date.now()) } }));
  },
  markOpened(slug) {
    set((s) => (s.lastOpened === slug ? s : { lastOpened: slug }));
  },
});
