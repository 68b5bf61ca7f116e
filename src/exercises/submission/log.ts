import { z } from "zod";

/**
 * One Monaco content change (IModelContentChange, the fields replay needs). Monaco orders the
 * changes of one event from the end of the document to its start, so applying them in sequence
 * by offset is exact.
 */
export const changeSchema = z.object({
  rangeOffset: z.number().int().nonnegative(),
  rangeLength: z.number().int().nonnegative(),
  text: z.string(),
});
export type Change = z.infer<typeof changeSchema>;

const files = z.record(z.string(), z.string());
const base = { seq: z.number().int().nonnegative(), t: z.number().nonnegative(), hash: z.string().regex(/^[0-9a-f]{64}$/) };

/**
 * The candidate's session, event by event; `t` is milliseconds since the session started and
 * `hash` chains each event to the one before (chain.ts).
 */
export const logEventSchema = z.discriminatedUnion("type", [
  /** The files the session starts from: the starter, or what autosave restored. */
  z.object({ ...base, type: z.literal("start"), files, startedAt: z.string() }),
  z.object({ ...base, type: z.literal("edit"), file: z.string(), changes: z.array(changeSchema) }),
  /** A paste, logged with the edit that carries its text. */
  z.object({ ...base, type: z.literal("paste"), file: z.string(), length: z.number().int().nonnegative() }),
  /** The files replaced at once (reset to the starter). */
  z.object({ ...base, type: z.literal("set-files"), files }),
  z.object({ ...base, type: z.literal("run"), passed: z.number().int().nonnegative(), total: z.number().int().nonnegative() }),
  z.object({ ...base, type: z.literal("blur") }),
  z.object({ ...base, type: z.literal("focus") }),
  z.object({ ...base, type: z.literal("reload") }),
  z.object({ ...base, type: z.literal("submit"), reason: z.enum(["submitted", "time-up"]) }),
]);
export type LogEvent = z.infer<typeof logEventSchema>;

/** An event before it is chained: what the page records. */
export type LogEntry = LogEvent extends infer E ? (E extends LogEvent ? Omit<E, "seq" | "hash"> : never) : never;
