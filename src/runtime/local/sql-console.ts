import { currentDb } from "../../harness/db";
import type { SqlOutcome } from "../types";
import { prepareDatabase } from "./database";

/** Runs console SQL on the exercise's database and renders every value as text for display. */
export async function runConsoleSql(seed: string, query: string): Promise<SqlOutcome> {
  try {
    await prepareDatabase(seed);
    const db = await currentDb();
    const results = await db.exec(query);
    return {
      ok: true,
      results: results.map((r) => {
        const fields = r.fields.map((f) => f.name);
        return {
          command: (r as { command?: string }).command ?? "",
          fields,
          rows: r.rows.map((row) => fields.map((name) => render((row as Record<string, unknown>)[name]))),
          affectedRows: r.affectedRows,
        };
      }),
    };
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
}

function render(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Uint8Array) return `\\x${[...value].map((b) => b.toString(16).padStart(2, "0")).join("")}`;
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}
