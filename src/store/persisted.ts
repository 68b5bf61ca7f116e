import { z } from "zod";

/**
 * What survives a reload, and the one schema that guards it: the same parser validates what
 * IndexedDB hands back after an upgrade and what a learner imports from a file.
 */
export const PERSIST_VERSION = 2;

/** Learner files per exercise slug: only files they changed; the rest come from the starter. */
const filesSchema = z.record(z.string(), z.record(z.string(), z.string()));

export const progressStatusSchema = z.enum(["in-progress", "passed"]);
export type ProgressStatus = z.infer<typeof progressStatusSchema> | "not-started";

export const exerciseProgressSchema = z.object({
  status: progressStatusSchema,
  /** Epoch ms of the last edit or run. */
  updatedAt: z.number(),
});
export type ExerciseProgress = z.infer<typeof exerciseProgressSchema>;

export const settingsSchema = z.object({
  editorFontSize: z.int().min(10).max(28),
  wordWrap: z.boolean(),
  /** Where tests run: in the page (works offline) or in StackBlitz's WebContainer (needs internet). */
  runtime: z.enum(["local", "webcontainer"]),
});
export type Settings = z.infer<typeof settingsSchema>;
export const defaultSettings: Settings = { editorFontSize: 14, wordWrap: false, runtime: "local" };

export const persistedSchema = z.object({
  files: filesSchema,
  progress: z.record(z.string(), exerciseProgressSchema),
  lastOpened: z.string().optional(),
  settings: settingsSchema,
});
export type PersistedState = z.infer<typeof persistedSchema>;

export const emptyPersisted: PersistedState = { files: {}, progress: {}, settings: defaultSettings };

/**
 * Upgrades stored state one version at a time, then salvages it field by field. Version 0 is
 * what zustand calls state written without a version; it had this shape, so it only needs the
 * salvage. Each later change of shape adds `n: (state) => …` here and a test beside it.
 */
const migrations: Record<number, (state: Record<string, unknown>) => Record<string, unknown>> = {
  // Version 2 added the runtime choice: everyone stays in the page until they choose otherwise.
  1: (state) => ({ ...state, settings: { ...(isRecord(state.settings) ? state.settings : {}), runtime: "local" } }),
};

export function migrate(stored: unknown, fromVersion: number): PersistedState {
  let state = isRecord(stored) ? stored : {};
  for (let v = fromVersion; v < PERSIST_VERSION; v++) state = migrations[v]?.(state) ?? state;
  return salvage(state);
}

/** Parses each field on its own, so one bad entry costs only itself. */
export function salvage(state: Record<string, unknown>): PersistedState {
  const shape = persistedSchema.shape;
  const files = recordEntries(state.files, z.record(z.string(), z.string()));
  const progress = recordEntries(state.progress, exerciseProgressSchema);
  const lastOpened = shape.lastOpened.safeParse(state.lastOpened);
  const settings = settingsSchema.partial().safeParse(state.settings);
  return {
    files,
    progress,
    lastOpened: lastOpened.success ? lastOpened.data : undefined,
    settings: { ...defaultSettings, ...(settings.success ? stripUndefined(settings.data) : {}) },
  };
}

function recordEntries<T>(value: unknown, schema: z.ZodType<T>): Record<string, T> {
  if (!isRecord(value)) return {};
  const kept: Record<string, T> = {};
  for (const [key, entry] of Object.entries(value)) {
    const parsed = schema.safeParse(entry);
    if (parsed.success) kept[key] = parsed.data;
  }
  return kept;
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
