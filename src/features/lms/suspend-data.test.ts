import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { decodeFiles, encodeFiles } from "./suspend-data";
import { SUSPEND_DATA_LIMIT } from "./scorm12-session";

const exercise = "exercises/04-relational-databases/sql-queries";

describe("suspend data", () => {
  it("round-trips files, unicode included", () => {
    const starter = { "main.ts": "export const greet = (n: string) => n;\n" };
    const files = { "main.ts": "export const greet = (n: string) => `héllo ${n} ✓`;\n", "queries.sql": "select 1;" };
    const data = encodeFiles(files, starter);
    expect(data).toMatch(/^r1:[A-Za-z0-9+/=]+$/);
    expect(decodeFiles(data, starter)).toEqual(files);
  });

  it("fits a real exercise's solution inside SCORM 1.2's 4096 characters, thanks to the starter", async () => {
    const starter = { "main.ts": await readFile(`${exercise}/starter/main.ts`, "utf8") };
    const solution = { "main.ts": await readFile(`${exercise}/solution/main.ts`, "utf8") };
    const withStarter = encodeFiles(solution, starter);
    const alone = encodeFiles(solution, {});
    expect(alone.length).toBeGreaterThan(SUSPEND_DATA_LIMIT);
    expect(withStarter.length).toBeLessThan(SUSPEND_DATA_LIMIT);
    expect(decodeFiles(withStarter, starter)).toEqual(solution);
  });

  it("reads nothing from empty, foreign or damaged data, or with another starter", () => {
    const starter = { "main.ts": "export function total(rows: number[]): number {\n  return 0;\n}\n" };
    expect(decodeFiles("", starter)).toBeUndefined();
    expect(decodeFiles("some other SCO's state", starter)).toBeUndefined();
    expect(decodeFiles("r1:not base64 at all!", starter)).toBeUndefined();
    const data = encodeFiles({ "main.ts": `${starter["main.ts"]}// done\n` }, starter);
    expect(decodeFiles(data, { "main.ts": "something else entirely, of another length\n" })).toBeUndefined();
  });
});
