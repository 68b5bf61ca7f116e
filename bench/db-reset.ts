import type { BrowserSession } from "../src/cli/browser/browser-session";
import type { Exercise } from "../src/exercises/pack";

/**
 * Per-test database reset inside the in-page runtime: a test that dirties the database and asks
 * for a fresh one, many times, timing each `createDb()` as a hidden test would call it.
 */
export async function timeDbReset(session: BrowserSession, exercise: Exercise, samples: number): Promise<number[]> {
  const test = `
import { it } from "vitest";
import { createDb } from "@roadlab/db";
it("resets", async () => {
  const times: number[] = [];
  let db = await createDb();
  for (let i = 0; i < ${samples}; i++) {
    const tables = await db.query<{ name: string }>("SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'");
    if (tables.rows.length) await db.exec(\`TRUNCATE \${tables.rows.map((t) => \`"\${t.name}"\`).join(", ")} CASCADE\`);
    const start = performance.now();
    db = await createDb();
    times.push(performance.now() - start);
  }
  console.log(JSON.stringify(times));
}, 120_000);
`;
  const results = await session.run({
    tests: { "tests/reset.test.ts": test },
    files: {},
    seed: exercise.seed ?? "",
    timeoutMs: 120_000,
    packages: [],
  });
  const output = results.tests[0]?.output;
  if (results.status !== "pass" || !output) throw new Error(`reset benchmark failed: ${JSON.stringify(results)}`);
  return JSON.parse(output) as number[];
}
