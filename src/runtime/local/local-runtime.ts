import { errorResults, withTampering, type RunEvent, type RunResults } from "../results";
import { RunLedger } from "../resume";
import type { RunHandle, RunOutcome, RunRequest, Runtime, RuntimeStatus, SqlOutcome } from "../types";
import { openPageChannel, type PageChannel } from "./page-channel";
import type { FromWorker } from "./protocol";
import { spawnWorker, type WorkerLike } from "./spawn-worker";
import { defaultBudgets, timedOutMessage, Watchdog, type WatchdogBudgets } from "./watchdog";

export type { WorkerLike };

/** A run whose tests keep hanging is given up after this many fresh workers. */
const MAX_RESUMES = 20;

interface ActiveRun {
  id: number;
  /** Echoed by the worker on every message about this run; anything else is forged. */
  secret: string;
  request: RunRequest;
  onEvent?: (event: RunEvent) => void;
  resolve: (outcome: RunOutcome) => void;
  started: boolean;
  test?: string;
  file?: string;
  resent: boolean;
  /** Verdicts across the workers this run took, when a test hung (see ../resume.ts). */
  ledger: RunLedger;
}

/**
 * The default runtime: learner code runs in a module worker, never on the main thread. A watchdog
 * replaces the worker when a run stops reporting (a synchronous infinite loop, a worker that closed
 * itself, memory exhaustion) and reports which test was running.
 */
export function createLocalRuntime(
  createWorker: () => WorkerLike = spawnWorker,
  budgets: WatchdogBudgets = defaultBudgets,
): Runtime {
  let worker: WorkerLike;
  let channel: PageChannel;
  /** Forged messages since the worker started: code under test reached for the channel. */
  let forged = 0;
  let status: RuntimeStatus = "idle";
  let seed: string | undefined;
  let nextId = 1;
  let active: ActiveRun | undefined;
  /** The worker said its database is booting and has not said it is ready since. */
  let databaseBooting = false;
  /** A cancelled run the worker has not finished yet: the next run queues behind it. */
  let draining: { id?: number; secret?: string } = {};
  const queries = new Map<number, (outcome: SqlOutcome) => void>();
  let nextQueryId = 1;
  const listeners = new Set<(status: RuntimeStatus, detail?: string) => void>();
  const watchdog = new Watchdog(() => expire());

  function setStatus(next: RuntimeStatus, detail?: string) {
    status = next;
    for (const listener of listeners) listener(next, detail);
  }

  function start() {
    worker = createWorker();
    databaseBooting = false;
    draining = {};
    setStatus("booting");
    forged = 0;
    channel = openPageChannel(worker, receive, () => forged++);
    worker.onerror = (event) => {
      event.preventDefault?.();
      replaceWorker();
      finish(errorResults(`The test worker crashed: ${event.message || "unknown error"}`));
    };
    if (seed !== undefined) channel.post({ type: "prepare", seed });
  }

  function replaceWorker() {
    channel.close();
    worker.terminate();
    for (const resolve of queries.values()) resolve({ ok: false, message: "The database was restarted; run the query again" });
    queries.clear();
    start();
  }

  function receive(message: FromWorker) {
    if (message.type === "ready") return setStatus(active ? "running" : seed === undefined && !databaseBooting ? "ready" : "booting");
    if (message.type === "database") {
      databaseBooting = message.state === "booting";
      if (!active) setStatus(message.state === "failed" ? "error" : message.state === "ready" ? "ready" : "booting", message.message);
      return;
    }
    if (message.type === "sql") {
      queries.get(message.queryId)?.(message.outcome);
      queries.delete(message.queryId);
      return;
    }
    if (message.runId === draining.id) {
      if (message.secret !== draining.secret) forged++;
      else if (message.type === "done") draining = {};
      return;
    }
    if (!active || message.runId !== active.id) return;
    if (message.secret !== active.secret) {
      forged++;
      return;
    }
    active.started = true;
    if (message.type === "phase") {
      active.file = message.file;
      watchdog.arm(message.phase === "preparing" ? budgets.prepareMs : active.request.timeoutMs + budgets.graceMs);
    } else if (message.type === "event") {
      active.test = message.event.type === "test-start" ? message.event.name : undefined;
      const event = active.ledger.observe(message.event);
      if (event) active.onEvent?.(event);
      watchdog.arm(active.request.timeoutMs + budgets.graceMs);
    } else if (message.type === "done") {
      const forgedNow = forged;
      const results = forgedNow > 0
        ? withTampering(message.results, [{ what: `sent ${forgedNow} message(s) to the page outside the runtime's channel`, where: "unknown" }])
        : message.results;
      // A worker code under test has changed never runs anyone else's code.
      if (message.touched || forgedNow > 0) replaceWorker();
      finish(results);
    }
  }

  function expire() {
    const run = active;
    if (!run) return;
    if (!run.started && !run.resent) {
      // Still queued behind a cancelled run that will not stop: replace the worker, send again.
      run.resent = true;
      replaceWorker();
      send(run);
      return;
    }
    replaceWorker();
    if (run.test === undefined || run.ledger.attempts > MAX_RESUMES) {
      finish(run.ledger.stopped(timedOutMessage(run.test, run.file, run.request.timeoutMs)));
      return;
    }
    // The hung test costs only itself: the rest run in the fresh worker, finished ones skipped.
    const ended = run.ledger.timedOut(run.test);
    run.onEvent?.({ type: "test-end", test: ended });
    run.test = undefined;
    run.request = { ...run.request, skipTests: run.ledger.skip };
    send(run);
  }

  function finish(results: RunResults) {
    const run = active;
    if (!run) return;
    watchdog.stop();
    active = undefined;
    run.resolve({ cancelled: false, results: run.ledger.merge(results) });
    setStatus("ready");
  }

  function send(run: ActiveRun) {
    channel.post({ type: "run", runId: run.id, secret: run.secret, request: run.request });
    watchdog.arm(draining.id !== undefined ? budgets.cancelMs : budgets.prepareMs);
  }

  function cancel(id: number) {
    if (!active || active.id !== id) return;
    const run = active;
    active = undefined;
    watchdog.stop();
    draining = { id, secret: run.secret };
    channel.post({ type: "cancel", runId: id });
    run.resolve({ cancelled: true });
    setStatus("ready");
  }

  start();

  return {
    get status() {
      return status;
    },
    prepare(nextSeed) {
      if (nextSeed === undefined || nextSeed === seed) return;
      seed = nextSeed;
      channel.post({ type: "prepare", seed });
    },
    run(request, onEvent): RunHandle {
      if (active) cancel(active.id);
      if (request.seed !== undefined) seed = request.seed;
      let resolve!: (outcome: RunOutcome) => void;
      const outcome = new Promise<RunOutcome>((r) => (resolve = r));
      // Forged messages while idle (leaked code of an earlier run): start this one in a fresh worker.
      if (forged > 0) replaceWorker();
      const run: ActiveRun = {
        id: nextId++, secret: crypto.randomUUID(), request, onEvent, resolve, started: false, resent: false, ledger: new RunLedger(request.timeoutMs),
      };
      active = run;
      setStatus("running");
      send(run);
      return { outcome, cancel: () => cancel(run.id) };
    },
    sql(query) {
      const queryId = nextQueryId++;
      return new Promise<SqlOutcome>((resolve) => {
        queries.set(queryId, resolve);
        channel.post({ type: "sql", queryId, seed: seed ?? "", query });
      });
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose() {
      if (active) cancel(active.id);
      watchdog.stop();
      worker.terminate();
      listeners.clear();
    },
  };
}
