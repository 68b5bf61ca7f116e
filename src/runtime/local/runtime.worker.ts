/// <reference lib="webworker" />
/**
 * The in-page runtime's worker: links learner files and hidden tests as ES modules and runs them
 * with the Vitest shim. One long-lived worker serves many runs; the main thread replaces it when
 * a run stops answering, or when code under test changed it (see hardening/).
 */
// First: captures the channel to the page before anything else can touch the worker's globals.
import { openChannel, post } from "./hardening/worker-channel";
import { defaultPackages, importProblem } from "../../exercises/packages";
import { errorResults, withTampering } from "../results";
import type { RunRequest } from "../types";
import { prepareDatabase, saveDatabaseImage, startDatabase } from "./database";
import { bareImports, linkModules } from "./module-graph";
import { preparePackages } from "./package-modules";
import { runConsoleSql } from "./sql-console";
import { privilegedLoad } from "./hardening/guard";
import { hardenRuntime, runChecks } from "./hardening/harden-worker";
import { bootDatabaseFor, type ToWorker } from "./protocol";
import { runTestFiles } from "./vitest/run-test-files";

declare const self: DedicatedWorkerGlobalScope;

const cancels = new Map<number, AbortController>();
let queue: Promise<unknown> = Promise.resolve();

/** The exercise this worker was started for, when it booted PGlite at once. */
const exercise = bootDatabaseFor(self.name);
/** Set by the first run or SQL query: after that the database may hold what their code did. */
let codeRan = false;
let imageTimer: ReturnType<typeof setTimeout> | undefined;
let firstSeed: string | undefined;

function receive(data: ToWorker) {
  clearTimeout(imageTimer);
  if (data.type === "run" || data.type === "sql") codeRan = true;
  if (data.type === "cancel") cancels.get(data.runId)?.abort();
  // One thing at a time: a run must not reseed the database under another run's feet.
  if (data.type === "prepare") {
    // The first seed is the opened exercise's; another is a different exercise's, not for its image.
    firstSeed ??= data.seed;
    const own = data.seed === firstSeed;
    queue = queue.then(() => prepare(data.seed)).then(() => own && keepImageLater(data.seed));
  }
  if (data.type === "sql") {
    const { queryId, seed, query } = data;
    queue = queue.then(async () => post({ type: "sql", queryId, outcome: await runConsoleSql(seed, query) }));
  }
  if (data.type === "run") {
    const controller = new AbortController();
    cancels.set(data.runId, controller);
    queue = queue.then(() => run(data.runId, data.secret, data.request, controller.signal)).finally(() => cancels.delete(data.runId));
  }
}

async function prepare(seed: string | undefined) {
  if (seed === undefined) return;
  post({ type: "database", state: "booting" });
  try {
    await privilegedLoad(() => prepareDatabase(seed));
    post({ type: "database", state: "ready" });
  } catch (error) {
    post({ type: "database", state: "failed", message: (error as Error).message });
  }
}

/**
 * Saves the seeded database for the exercise's next visit, once the page has let this worker be
 * for a while (the dump takes 0.6–2 s of this thread) and only if no code has run in it.
 */
function keepImageLater(seed: string | undefined) {
  if (exercise === undefined || seed === undefined || codeRan) return;
  imageTimer = setTimeout(() => {
    if (!codeRan) queue = queue.then(() => saveDatabaseImage(exercise, seed)).catch(() => {});
  }, IMAGE_AFTER_IDLE_MS);
}
const IMAGE_AFTER_IDLE_MS = 5_000;

async function run(runId: number, secret: string, request: RunRequest, signal: AbortSignal) {
  if (signal.aborted) return post({ type: "done", runId, secret, results: errorResults("Cancelled") });
  post({ type: "phase", runId, secret, phase: "preparing" });
  const allowed = [...new Set([...defaultPackages, ...request.packages])];
  let graph;
  let checks: ReturnType<typeof runChecks> | undefined;
  try {
    const files = { ...request.files, ...request.tests };
    // Only the entry points the run imports and may use: a backend's chunk loads when it is needed.
    // A package named only in vi.mock("…") or vi.importActual("…") loads too.
    const texts = Object.values(files);
    const named = allowed.filter((name) => texts.some((text) => text.includes(`"${name}"`) || text.includes(`'${name}'`)));
    const imported = [...new Set([...(await bareImports(files)), ...named])].filter((specifier) => !importProblem(specifier, allowed));
    const packageUrl = await privilegedLoad(() => preparePackages(imported));
    if (request.seed !== undefined) await privilegedLoad(() => prepareDatabase(request.seed!));
    hardenRuntime();
    graph = await linkModules(files, packageUrl, allowed);
    const loader = graph;
    checks = runChecks(request);
    const results = await runTestFiles({
      files: Object.keys(request.tests).filter((f) => f.endsWith(".test.ts")).sort(),
      importModule: (file) => {
        post({ type: "phase", runId, secret, phase: "collecting", file });
        return loader.load(file);
      },
      timeoutMs: request.timeoutMs,
      onEvent: (event) => {
        checks?.onEvent(event);
        post({ type: "event", runId, secret, event });
      },
      signal,
      skip: request.skipTests,
      testFiles: request.tests,
    });
    const { tampering, touched } = checks.finish();
    checks = undefined;
    post({ type: "done", runId, secret, results: withTampering(results, tampering), touched });
  } catch (error) {
    const { tampering, touched } = checks?.finish() ?? { tampering: [], touched: false };
    post({ type: "done", runId, secret, results: withTampering(errorResults((error as Error).message), tampering), touched });
  } finally {
    graph?.dispose();
  }
}

// Started early for a database exercise (spawn-worker.ts): PGlite boots now, before the seed comes
// with "prepare"; say so before "ready", so the page does not show the runtime ready meanwhile.
if (exercise !== undefined) {
  post({ type: "database", state: "booting" });
  void startDatabase(exercise);
}
openChannel(receive);
post({ type: "ready" });
