import { describe, expect, it } from "vitest";
import { defaultSettings, migrate, PERSIST_VERSION, salvage } from "./persisted";

describe("migrate", () => {
  it("upgrades unversioned (version 0) state, keeping the learner's files", () => {
    const v0 = { files: { "sql-queries": { "main.ts": "export const x = 1;" } }, progress: { "sql-queries": { status: "passed", updatedAt: 5 } } };
    expect(migrate(v0, 0)).toEqual({
      files: v0.files,
      progress: v0.progress,
      lastOpened: undefined,
      settings: defaultSettings,
    });
  });

  it("drops damaged entries one by one instead of losing everything", () => {
    const damaged = {
      files: { good: { "main.ts": "ok" }, bad: { "main.ts": 42 } },
      progress: { good: { status: "in-progress", updatedAt: 1 }, bad: { status: "finished" } },
      lastOpened: 7,
      settings: { editorFontSize: 99, wordWrap: true },
    };
    const state = migrate(damaged, 0);
    expect(state.files).toEqual({ good: { "main.ts": "ok" } });
    expect(Object.keys(state.progress)).toEqual(["good"]);
    expect(state.lastOpened).toBeUndefined();
    // A bad font size takes the whole settings object down to the defaults, not the app.
    expect(state.settings).toEqual(defaultSettings);
  });

  it("turns garbage into an empty state", () => {
    expect(migrate("nonsense", 0)).toEqual({ files: {}, progress: {}, lastOpened: undefined, settings: defaultSettings });
    expect(migrate(null, 0).files).toEqual({});
  });

  it("leaves current-version state as it is", () => {
    const state = { files: { a: { "main.ts": "1" } }, progress: {}, lastOpened: "a", settings: { editorFontSize: 16, wordWrap: true, runtime: "webcontainer" as const } };
    expect(migrate(state, PERSIST_VERSION)).toEqual(state);
  });

  it("version 1 settings get the in-page runtime, keeping the rest", () => {
    const v1 = { files: {}, progress: {}, settings: { editorFontSize: 18, wordWrap: true } };
    expect(migrate(v1, 1).settings).toEqual({ editorFontSize: 18, wordWrap: true, runtime: "local" });
  });
});

describe("salvage", () => {
  it("fills settings added after the state was written", () => {
    expect(salvage({ settings: { wordWrap: true } }).settings).toEqual({ ...defaultSettings, wordWrap: true });
  });
});
