import "fake-indexeddb/auto";
import { createStore as createIdb, set as idbSet } from "idb-keyval";
import { describe, expect, it } from "vitest";
import { exerciseSchema } from "../exercises/schema";
import type { RunEvent, RunResults } from "../runtime/results";
import type { RuntimeKind } from "../runtime";
import type { RunHandle, RunRequest, Runtime, RuntimeStatus } from "../runtime/types";
import { createAppStore, STORAGE_KEY } from "./app-store";
import { debouncedStorage, idbKeyValue } from "./debounced-storage";
import { learnerFiles } from "./files-slice";
import type { PersistedState } from "./persisted";
import { latestRun, type LoadedExercise } from "./runtime-slice";

const exercise: LoadedExercise = {
  config: exerciseSchema.parse({ title: "Demo", phase: 4, readonly: ["types.ts"] }),
  files: {
    readme: "# Demo",
    starter: { "main.ts": "starter", "types.ts": "types" },
    solution: { "main.ts": "solution", "types.ts": "types" },
    tests: { "tests/main.test.ts": "test" },
    seed: "create table t (id int);",
  },
};

/** A runtime that plays back scripted events, so the store's bookkeeping can be checked without a worker. */
function fakeRuntime(script: (request: RunRequest) => { events: RunEvent[]; results: RunResults }) {
  const requests: RunRequest[] = [];
  const prepared: (string | undefined)[] = [];
  const listeners = new Set<(s: RuntimeStatus) => void>();
  const runtime: Runtime = {
    status: "ready",
    prepare: (seed) => void prepared.push(seed),
    run(request, onEvent): RunHandle {
      requests.push(request);
      const { events, results } = script(request);
      const outcome = (async () => {
        for (const event of events) onEvent?.(event);
        return { cancelled: false as const, results };
      })();
      return { outcome, cancel() {} };
    },
    sql: async () => ({ ok: true, results: [] }),
    subscribe: (l) => (listeners.add(l), () => listeners.delete(l)),
    dispose() {},
  };
  return { runtime, requests, prepared, emit: (s: RuntimeStatus) => listeners.forEach((l) => l(s)) };
}

let dbCount = 0;
function setup(runtime = fakeRuntime(() => ({ events: [], results: { version: 2, status: "pass", tests: [] } })).runtime) {
  const idb = createIdb(`roadlab-test-${++dbCount}`, "state");
  const make = () => {
    const storage = debouncedStorage<PersistedState>(idbKeyValue(idb), 250);
    const store = createAppStore({ storage, createRuntime: async () => runtime, loadExercise: async (slug) => (slug === "demo" ? exercise : undefined) });
    return { store, storage, hydrated: new Promise<void>((r) => (store.persist.hasHydrated() ? r() : store.persist.onFinishHydration(() => r()))) };
  };
  return { idb, make };
}

describe("app store persistence", () => {
  it("files, progress and settings survive a reload; runs and runtime status do not", async () => {
    const { make } = setup();
    const first = make();
    await first.hydrated;
    first.store.getState().setFile("demo", "main.ts", "my code");
    first.store.getState().markOpened("demo");
    first.store.getState().updateSettings({ editorFontSize: 18 });
    await first.store.getState().runTests("demo");
    await first.storage.flush();

    const second = make();
    await second.hydrated;
    const state = second.store.getState();
    expect(state.files).toEqual({ demo: { "main.ts": "my code" } });
    expect(state.progress.demo.status).toBe("in-progress");
    expect(state.lastOpened).toBe("demo");
    expect(state.settings.editorFontSize).toBe(18);
    expect(state.runs).toEqual({});
    expect(state.runtimeStatus).toBe("idle");
  });

  it("keeps what happened before IndexedDB answered (opening an exercise on a fresh load)", async () => {
    const { make } = setup();
    const first = make();
    await first.hydrated;
    first.store.getState().recordProgress("demo", { type: "ran", results: { version: 2, status: "pass", tests: [{ name: "a", status: "pass" }] } });
    first.store.getState().markOpened("demo");
    await first.storage.flush();

    const second = make();
    second.store.getState().markOpened("other");
    second.store.getState().recordProgress("demo", { type: "edited" });
    await second.hydrated;
    expect(second.store.getState().lastOpened).toBe("other");
    expect(second.store.getState().progress.demo.status).toBe("passed");

    // …and is saved right away, not only with the next change.
    await second.storage.flush();
    const third = make();
    await third.hydrated;
    expect(third.store.getState().lastOpened).toBe("other");
  });

  it("migrates what an older version stored", async () => {
    const { idb, make } = setup();
    await idbSet(STORAGE_KEY, { version: 0, state: { files: { demo: { "main.ts": "old" } }, progress: { demo: { status: "bogus" } } } }, idb);
    const { store, hydrated } = make();
    await hydrated;
    expect(store.getState().files).toEqual({ demo: { "main.ts": "old" } });
    expect(store.getState().progress).toEqual({});
    expect(store.getState().settings.editorFontSize).toBe(14);
  });

  it("reset to starter can be undone", async () => {
    const { store, hydrated } = setup().make();
    await hydrated;
    const s = () => store.getState();
    s().setFile("demo", "main.ts", "mine");
    s().resetToStarter("demo");
    expect(learnerFiles(exercise.files.starter, s().files.demo)).toEqual(exercise.files.starter);
    s().undoReset("demo");
    expect(s().files.demo).toEqual({ "main.ts": "mine" });
    expect(s().resetUndo).toEqual({});
  });
});

describe("runTests", () => {
  it("sends the learner's files (read-only ones from the starter), streams events into the run log and passes the exercise", async () => {
    const results: RunResults = { version: 2, status: "pass", tests: [{ name: "a", status: "pass" }] };
    const fake = fakeRuntime(() => ({ events: [{ type: "test-start", name: "a" }, { type: "test-end", test: results.tests[0] }, { type: "done", results }], results }));
    const { store, hydrated } = setup(fake.runtime).make();
    await hydrated;
    store.getState().setFile("demo", "main.ts", "solution");
    store.getState().setFile("demo", "types.ts", "edited read-only file");
    await store.getState().prepareExercise("demo");
    expect(fake.prepared).toEqual([exercise.files.seed]);

    expect(await store.getState().runTests("demo")).toEqual(results);
    expect(fake.requests[0].files).toEqual({ "main.ts": "solution", "types.ts": "types" });
    expect(fake.requests[0].seed).toBe(exercise.files.seed);
    const log = latestRun(store.getState().runs.demo)!;
    expect(log.events.map((e) => e.type)).toEqual(["test-start", "test-end", "done"]);
    expect(log.results).toEqual(results);
    expect(store.getState().progress.demo.status).toBe("passed");
  });

  it("mirrors the runtime's status", async () => {
    const fake = fakeRuntime(() => ({ events: [], results: { version: 2, status: "pass", tests: [] } }));
    const { store } = setup(fake.runtime).make();
    await store.getState().startRuntime();
    fake.emit("running");
    expect(store.getState().runtimeStatus).toBe("running");
  });

  it("reports a runtime that cannot start as an error run, not a crash", async () => {
    const broken = createAppStore({
      storage: debouncedStorage(idbKeyValue(createIdb("broken", "state"))),
      createRuntime: () => Promise.reject(new Error("no workers here")),
      loadExercise: async () => exercise,
    });
    const results = await broken.getState().runTests("demo");
    expect(results).toMatchObject({ status: "error", message: expect.stringContaining("no workers here") });
    expect(broken.getState().runtimeStatus).toBe("error");
    expect(latestRun(broken.getState().runs.demo)?.results?.status).toBe("error");
  });
});

describe("runtime choice", () => {
  function kinds(chosen: RuntimeKind) {
    const created: RuntimeKind[] = [];
    const fakes = { local: fakeRuntime(noTests), webcontainer: fakeRuntime(noTests) };
    const required: LoadedExercise = { ...exercise, config: { ...exercise.config, runtime: "webcontainer" } };
    const store = createAppStore({
      storage: debouncedStorage(idbKeyValue(createIdb(`kinds-${++dbCount}`, "state"))),
      createRuntime: async (kind) => (created.push(kind), fakes[kind].runtime),
      chooseRuntime: async () => chosen,
      loadExercise: async (slug) => (slug === "needs-node" ? required : exercise),
    });
    return { store, created, fakes };
  }

  it("uses the page's choice, and the WebContainer for an exercise that requires it, creating each once", async () => {
    const { store, created, fakes } = kinds("local");
    await store.getState().runTests("demo");
    expect(store.getState().runtimeKind).toBe("local");
    await store.getState().runTests("needs-node");
    expect(store.getState().runtimeKind).toBe("webcontainer");
    expect(fakes.webcontainer.requests).toHaveLength(1);
    await store.getState().runTests("demo");
    await store.getState().runTests("needs-node");
    expect(created).toEqual(["local", "webcontainer"]);
    expect(fakes.local.requests).toHaveLength(2);
  });

  it("a page that chose the WebContainer runs every exercise there", async () => {
    const { store, created } = kinds("webcontainer");
    await store.getState().startRuntime();
    await store.getState().runTests("demo");
    expect(created).toEqual(["webcontainer"]);
  });
});

function noTests() {
  return { events: [], results: { version: 2 as const, status: "pass" as const, tests: [] } };
}
