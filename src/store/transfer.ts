import { z } from "zod";
import { migrate, PERSIST_VERSION, persistedSchema, settingsSchema, type ExerciseProgress, type PersistedState } from "./persisted";

/** One JSON file with every exercise's files and progress: a backup, or a move to another browser. */
export const EXPORT_FORMAT = "roadlab-progress";

const exportFileSchema = persistedSchema.extend({
  format: z.literal(EXPORT_FORMAT),
  version: z.int().min(0),
  exportedAt: z.string(),
  settings: settingsSchema.partial().optional(),
});
export type ExportFile = z.infer<typeof exportFileSchema>;

export function exportProgress(state: PersistedState, now = new Date()): ExportFile {
  return { format: EXPORT_FORMAT, version: PERSIST_VERSION, exportedAt: now.toISOString(), ...state };
}

export function exportFileName(now = new Date()): string {
  return `roadlab-progress-${now.toISOString().slice(0, 10)}.json`;
}

export type ImportResult = { ok: true; data: PersistedState } | { ok: false; message: string };

/** Parses an export file; on failure, says what is wrong in words a learner can act on. */
export function parseImport(text: string): ImportResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `This file is not valid JSON (${(error as Error).message}).` };
  }
  const head = z.object({ format: z.string(), version: z.unknown() }).safeParse(json);
  if (!head.success || head.data.format !== EXPORT_FORMAT) {
    return { ok: false, message: `This is not a Roadlab progress file: it needs "format": "${EXPORT_FORMAT}".` };
  }
  const parsed = exportFileSchema.safeParse(json);
  if (!parsed.success) return { ok: false, message: `This progress file is damaged:\n${describeIssues(parsed.error)}` };
  if (parsed.data.version > PERSIST_VERSION) {
    return { ok: false, message: `This file comes from a newer Roadlab (format ${parsed.data.version}); update the app, then import it.` };
  }
  const { format: _f, version, exportedAt: _e, ...state } = parsed.data;
  return { ok: true, data: migrate(state, version) };
}

function describeIssues(error: z.ZodError, max = 5): string {
  const lines = error.issues.slice(0, max).map((issue) => `• ${issue.path.map(String).join(" › ") || "(top level)"}: ${issue.message}`);
  if (error.issues.length > max) lines.push(`• …and ${error.issues.length - max} more`);
  return lines.join("\n");
}

const rank = { "in-progress": 1, passed: 2 } as const;

/**
 * Imported exercises replace the same exercises here; exercises only this browser knows stay.
 * Progress keeps the further of the two, so importing an old backup never un-passes anything.
 */
export function applyImport(current: PersistedState, imported: PersistedState): PersistedState {
  const progress: Record<string, ExerciseProgress> = { ...current.progress };
  for (const [slug, entry] of Object.entries(imported.progress)) {
    const mine = progress[slug];
    if (!mine || rank[entry.status] >= rank[mine.status]) progress[slug] = entry;
  }
  return {
    files: { ...current.files, ...imported.files },
    progress,
    lastOpened: imported.lastOpened ?? current.lastOpened,
    settings: { ...current.settings, ...imported.settings },
  };
}
