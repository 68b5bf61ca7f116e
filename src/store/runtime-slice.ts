import type { ExerciseConfig } from "../exercises/schema";
import type { ExerciseFiles } from "../exercises/exercise-files";
import { errorResults, type RunEvent, type RunResults } from "../runtime/results";
import type { ContainerRuntime, RuntimeKind } from "../runtime";
import type { Runtime, RuntimeStatus, SqlOutcome } from "../runtime/types";
import type { Slice } from "./app-store";
import { learnerFiles } from "./files-slice";
import type { RunLog } from "./run-log";

export interface LoadedExercise {
  config: ExerciseConfig;
  files: ExerciseFiles;
}

export interface RuntimeDeps {
  createRuntime(kind: RuntimeKind): Promise<Runtime>;
  /** The page's choice (address, then settings); "local" when absent. */
  chooseRuntime?(): Promise<RuntimeKind>;
  /** Whether a runtime is the WebContainer one, offering a shell and server previews. */
  isContainer?(runtime: Runtime): runtime is ContainerRuntime;
  loadExercise(slug: string): Promise<LoadedExercise | undefined>;
}

/** Runs kept per exercise: enough to scroll back through, bounded for a long session. */
export const MAX_RUNS = 20;

export interface RuntimeSlice {
  runtimeStatus: RuntimeStatus;
  /** Why the runtime is in its status (a database error, …), when it says. */
  runtimeDetail?: string;
  /** Per exercise slug, its runs this session, oldest first (not persisted). */
  runs: Record<string, RunLog[]>;
  /** Which runtime runs tests now: the page's choice, or what the open exercise requires. */
  runtimeKind?: RuntimeKind;
  /** A server learner code started in the WebContainer, for the preview pane. */
  preview?: { port: number; url: string };
  /**
   * Creates a runtime once per kind and makes it the active one; later calls reuse it (one
   * WebContainer per page, its npm install shared by every exercise). Without a kind: the active
   * runtime, or the page's choice.
   */
  startRuntime(kind?: RuntimeKind): Promise<Runtime>;
  /** Boots the exercise's database ahead of its first run. */
  prepareExercise(slug: string): Promise<void>;
  /** Runs the hidden tests on the learner's files; a newer run cancels this one. */
  runTests(slug: string): Promise<RunResults | undefined>;
  runSql(query: string): Promise<SqlOutcome>;
  /** The active runtime when it is the WebContainer one: its shell and output, for the terminal. */
  container(): Promise<ContainerRuntime | undefined>;
}

export function createRuntimeSlice(deps: RuntimeDeps): Slice<RuntimeSlice> {
  return (set, get) => {
    const runtimes = new Map<RuntimeKind, Promise<Runtime>>();
    const details = new Map<RuntimeKind, string | undefined>();
    let active: RuntimeKind | undefined;
    let nextRunId = 1;

    // An exercise may require the WebContainer; any other follows the page's choice.
    const kindFor = async (exercise: LoadedExercise | undefined): Promise<RuntimeKind> =>
      exercise?.config.runtime === "webcontainer" ? "webcontainer" : ((await deps.chooseRuntime?.()) ?? "local");

    const updateRun = (slug: string, id: number, update: (log: RunLog) => RunLog) =>
      set((s) => ({ runs: { ...s.runs, [slug]: (s.runs[slug] ?? []).map((log) => (log.id === id ? update(log) : log)) } }));

    return {
      runtimeStatus: "idle",
      runtimeDetail: undefined,
      runs: {},

      async startRuntime(kind) {
        const chosen = kind ?? active ?? (await deps.chooseRuntime?.()) ?? "local";
        if (active !== chosen) {
          active = chosen;
          const known = runtimes.get(chosen);
          set({ runtimeKind: chosen, runtimeDetail: details.get(chosen) });
          if (known) void known.then((r) => active === chosen && set({ runtimeStatus: r.status }), () => {});
        }
        let runtime = runtimes.get(chosen);
        if (!runtime) {
          runtime = deps.createRuntime(chosen).then(
            (created) => {
              if (active === chosen) set({ runtimeStatus: created.status });
              created.subscribe((status, detail) => {
                details.set(chosen, detail);
                if (active === chosen) set({ runtimeStatus: status, runtimeDetail: detail });
              });
              if (deps.isContainer?.(created)) created.preferred.onServerReady((port, url) => set({ preview: { port, url } }));
              return created;
            },
            (error: unknown) => {
              if (active === chosen) set({ runtimeStatus: "error", runtimeDetail: `could not start: ${messageOf(error)}` });
              runtimes.delete(chosen);
              throw error;
            },
          );
          runtimes.set(chosen, runtime);
        }
        return runtime;
      },

      async prepareExercise(slug) {
        const exercise = await deps.loadExercise(slug);
        const runtime = await get().startRuntime(await kindFor(exercise));
        if (exercise?.files.seed !== undefined) runtime.prepare(exercise.files.seed);
      },

      async runTests(slug) {
        const exercise = await deps.loadExercise(slug);
        if (!exercise) return undefined;
        const id = nextRunId++;
        const log: RunLog = { id, slug, startedAt: Date.now(), events: [] };
        set((s) => ({ runs: { ...s.runs, [slug]: [...(s.runs[slug] ?? []), log].slice(-MAX_RUNS) } }));
        get().recordProgress(slug, { type: "run-started" });

        const { config, files } = exercise;
        const append = batchPerFrame((events: RunEvent[]) => updateRun(slug, id, (l) => ({ ...l, events: [...l.events, ...events] })));
        let results: RunResults;
        try {
          const handle = (await get().startRuntime(await kindFor(exercise))).run(
            {
              tests: files.tests,
              files: learnerFiles(files.starter, get().files[slug], config.readonly),
              seed: files.seed,
              timeoutMs: config.timeoutMs,
              packages: config.packages,
            },
            append,
          );
          const outcome = await handle.outcome;
          append.flush();
          if (outcome.cancelled) {
            updateRun(slug, id, (l) => ({ ...l, cancelled: true }));
            return undefined;
          }
          results = outcome.results;
        } catch (error) {
          results = errorResults(`The test runtime could not start: ${messageOf(error)}`);
        }
        updateRun(slug, id, (l) => ({ ...l, results }));
        get().recordProgress(slug, { type: "ran", results });
        return results;
      },

      async container() {
        const runtime = await get().startRuntime();
        return deps.isContainer?.(runtime) ? runtime : undefined;
      },

      async runSql(query) {
        try {
          return await (await get().startRuntime()).sql(query);
        } catch (error) {
          return { ok: false, message: messageOf(error) };
        }
      },
    };
  };
}

/**
 * Collects items and hands them over once per animation frame: a run streams two events per test,
 * and re-rendering the workspace for each one cost more than running the tests.
 */
export function batchPerFrame<T>(deliver: (items: T[]) => void): ((item: T) => void) & { flush(): void } {
  let pending: T[] = [];
  let scheduled = false;
  const schedule = globalThis.requestAnimationFrame ?? ((fn: () => void) => setTimeout(fn, 16));
  const flush = () => {
    scheduled = false;
    if (pending.length === 0) return;
    const items = pending;
    pending = [];
    deliver(items);
  };
  const push = (item: T) => {
    pending.push(item);
    if (!scheduled) {
      scheduled = true;
      schedule(flush);
    }
  };
  return Object.assign(push, { flush });
}

/** The run whose results the workspace shows: the newest one that was not cancelled. */
export function latestRun(runs: readonly RunLog[] | undefined): RunLog | undefined {
  return runs?.findLast((log) => !log.cancelled);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
