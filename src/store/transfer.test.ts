import { describe, expect, it } from "vitest";
import { defaultSettings, PERSIST_VERSION, type PersistedState } from "./persisted";
import { applyImport, exportProgress, parseImport } from "./transfer";

const state: PersistedState = {
  files: { "sql-queries": { "main.ts": "export {}" } },
  progress: { "sql-queries": { status: "passed", updatedAt: 10 } },
  lastOpened: "sql-queries",
  settings: defaultSettings,
};

describe("export and import", () => {
  it("round-trips everything through one JSON file", () => {
    const text = JSON.stringify(exportProgress(state, new Date("2025-01-02T03:04:05Z")));
    expect(JSON.parse(text)).toMatchObject({ format: "roadlab-progress", version: PERSIST_VERSION, exportedAt: "2025-01-02T03:04:05.000Z" });
    expect(parseImport(text)).toEqual({ ok: true, data: state });
  });

  it("says when the file is not JSON", () => {
    const result = parseImport("{ nope");
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/^This file is not valid JSON/);
  });

  it("says when the JSON is not a Roadlab export", () => {
    expect(parseImport(JSON.stringify({ hello: "world" }))).toEqual({
      ok: false,
      message: 'This is not a Roadlab progress file: it needs "format": "roadlab-progress".',
    });
  });

  it("names the damaged fields", () => {
    const bad = { ...exportProgress(state), files: { "sql-queries": { "main.ts": 3 } }, progress: { x: { status: "done", updatedAt: 1 } } };
    const result = parseImport(JSON.stringify(bad));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toContain("files › sql-queries › main.ts:");
    expect(result.message).toContain("progress › x › status:");
  });

  it("refuses a file from a newer version of the app", () => {
    const result = parseImport(JSON.stringify({ ...exportProgress(state), version: 99 }));
    expect(!result.ok && result.message).toMatch(/newer Roadlab/);
  });
});

describe("applyImport", () => {
  it("replaces imported exercises, keeps the rest, and never un-passes", () => {
    const here: PersistedState = {
      files: { a: { "main.ts": "mine" }, b: { "main.ts": "only here" } },
      progress: { a: { status: "passed", updatedAt: 1 }, b: { status: "in-progress", updatedAt: 1 } },
      settings: { editorFontSize: 18, wordWrap: true, runtime: "local" },
    };
    const imported: PersistedState = {
      files: { a: { "main.ts": "theirs" } },
      progress: { a: { status: "in-progress", updatedAt: 9 }, c: { status: "passed", updatedAt: 9 } },
      lastOpened: "c",
      settings: defaultSettings,
    };
    const merged = applyImport(here, imported);
    expect(merged.files).toEqual({ a: { "main.ts": "theirs" }, b: { "main.ts": "only here" } });
    expect(merged.progress.a.status).toBe("passed");
    expect(merged.progress.c.status).toBe("passed");
    expect(merged.lastOpened).toBe("c");
  });
});
