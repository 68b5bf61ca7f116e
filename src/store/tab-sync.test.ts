import "fake-indexeddb/auto";
import { createStore as createIdb } from "idb-keyval";
import { describe, expect, it } from "vitest";
import type { Runtime } from "../runtime/types";
import { createAppStore, persistedPart, type AppStore } from "./app-store";
import { debouncedStorage, idbKeyValue } from "./debounced-storage";
import type { PersistedState } from "./persisted";
import { applyPatch, diff, syncTabs, type Channel } from "./tab-sync";

let dbCount = 0;

/** Tabs of one browser: one IndexedDB, one BroadcastChannel name, each tab its own store. */
function browser() {
  const idb = createIdb(`roadlab-tabs-${++dbCount}`, "state");
  const channelName = `roadlab-tabs-${dbCount}`;
  const open = async () => {
    const storage = debouncedStorage<PersistedState>(idbKeyValue(idb), 50);
    const store = createAppStore({ storage, createRuntime: async () => ({}) as Runtime, loadExercise: async () => undefined });
    const stop = syncTabs(
      {
        store,
        persisted: persistedPart,
        hydrated: () => store.persist.hasHydrated(),
        onHydrated: (l) => store.persist.onFinishHydration(l),
      },
      new BroadcastChannel(channelName) as unknown as Channel,
    );
    await new Promise<void>((r) => (store.persist.hasHydrated() ? r() : store.persist.onFinishHydration(() => r())));
    return { store, storage, close: async () => (await storage.flush(), stop()) };
  };
  return { open };
}

const text = (store: AppStore, path = "main.ts") => store.getState().files.demo?.[path];
const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(check()).toBe(true);
};

describe("tabs of the same exercise", () => {
  it("show each other's edits as they are typed, and a fresh tab shows the last one", async () => {
    const { open } = browser();
    const a = await open();
    const b = await open();
    a.store.getState().setFile("demo", "main.ts", "typed in A");
    await until(() => text(b.store) === "typed in A");
    b.store.getState().setFile("demo", "main.ts", "typed in A, then in B");
    await until(() => text(a.store) === "typed in A, then in B");
    await a.close();
    await b.close();
    const fresh = await open();
    expect(text(fresh.store)).toBe("typed in A, then in B");
    await fresh.close();
  });

  it("keep edits to different files and exercises from both tabs, whichever saves last", async () => {
    const { open } = browser();
    const a = await open();
    const b = await open();
    a.store.getState().setFile("demo", "main.ts", "A's main");
    b.store.getState().setFile("demo", "util.ts", "B's util");
    b.store.getState().setFile("other", "main.ts", "B's other");
    await until(() => text(a.store, "util.ts") === "B's util" && text(b.store) === "A's main");
    await b.close();
    await a.close();
    const fresh = await open();
    expect(fresh.store.getState().files).toEqual({ demo: { "main.ts": "A's main", "util.ts": "B's util" }, other: { "main.ts": "B's other" } });
    await fresh.close();
  });

  it("a tab opened while another's write is pending gets that tab's state, not the older disk copy", async () => {
    const { open } = browser();
    const a = await open();
    a.store.getState().setFile("demo", "main.ts", "not on disk yet");
    const b = await open();
    await until(() => text(b.store) === "not on disk yet");
    b.store.getState().setFile("other", "main.ts", "B");
    await until(() => a.store.getState().files.other?.["main.ts"] === "B");
    expect(text(a.store)).toBe("not on disk yet");
    await a.close();
    await b.close();
  });
});

describe("patches", () => {
  it("carry only what changed, and removals", () => {
    const before: PersistedState = { files: { x: { "a.ts": "1" }, y: { "a.ts": "2" } }, progress: {}, settings: { editorFontSize: 14, wordWrap: false, runtime: "local" } };
    const after = { ...before, files: { y: { "a.ts": "3" } } };
    const patch = diff(before, after);
    expect(patch).toEqual({ files: { x: null, y: { "a.ts": "3" } } });
    expect(diff(after, { ...after, files: { y: { "a.ts": "3", "b.ts": "4" } } })).toEqual({ files: { y: { "b.ts": "4" } } });
    expect(applyPatch(before, patch!)).toEqual(after);
    expect(diff(before, { ...before })).toBeUndefined();
  });
});
