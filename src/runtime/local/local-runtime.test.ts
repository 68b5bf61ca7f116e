import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createLocalRuntime, type WorkerLike } from "./local-runtime";
import type { PortLike } from "./page-channel";
import type { FromWorker, ToWorker } from "./protocol";
import type { RunRequest } from "../types";
import type { RunEvent } from "../results";

/** What a test writes for a worker message: the fake adds the run's secret, as the real worker does. */
type Reply = FromWorker extends infer M ? (M extends { secret: string } ? Omit<M, "secret"> : M) : never;

class FakeWorker implements WorkerLike {
  sent: ToWorker[] = [];
  terminated = false;
  onerror: WorkerLike["onerror"] = null;
  private listener: WorkerLike["onmessage"] = null;
  /** The private channel's page end, handed over as soon as the page listens (see page-channel.ts). */
  private port: PortLike = { postMessage: (m) => this.sent.push(m), onmessage: null, close: () => {} };
  get onmessage() {
    return this.listener;
  }
  set onmessage(listener) {
    this.listener = listener;
    listener?.({ data: { type: "channel", port: this.port } } as unknown as MessageEvent<FromWorker>);
  }
  postMessage(message: ToWorker) {
    this.sent.push(message);
  }
  terminate() {
    this.terminated = true;
  }
  reply(message: Reply) {
    const run = "runId" in message ? this.sent.find((m) => m.type === "run" && m.runId === message.runId) : undefined;
    const data = run?.type === "run" ? { ...message, secret: run.secret } : message;
    this.port.onmessage?.({ data } as MessageEvent<FromWorker>);
  }
  /** A message on the worker's global channel, as code under test calling self.postMessage sends it. */
  forge(message: unknown) {
    this.onmessage?.({ data: message } as MessageEvent<FromWorker>);
  }
  lastRunId(): number {
    const runs = this.sent.filter((m) => m.type === "run");
    return (runs[runs.length - 1] as { runId: number }).runId;
  }
}

const request: RunRequest = { tests: { "tests/a.test.ts": "" }, files: { "main.ts": "" }, seed: "CREATE TABLE t (id int);", timeoutMs: 1000, packages: [] };
const budgets = { prepareMs: 30_000, graceMs: 2_000, cancelMs: 1_000 };

describe("local runtime", () => {
  let workers: FakeWorker[];
  const current = () => workers[workers.length - 1];
  const runtime = () => createLocalRuntime(() => {
    const worker = new FakeWorker();
    workers.push(worker);
    return worker;
  }, budgets);

  beforeEach(() => {
    workers = [];
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  it("stays booting while a worker started early boots its database, before the seed is known", () => {
    const rt = runtime();
    current().reply({ type: "database", state: "booting" });
    current().reply({ type: "ready" });
    expect(rt.status).toBe("booting");
    rt.prepare("CREATE TABLE t (id int);");
    current().reply({ type: "database", state: "booting" });
    current().reply({ type: "database", state: "ready" });
    expect(rt.status).toBe("ready");
  });

  it("streams events and resolves with the worker's results", async () => {
    const rt = runtime();
    const events: unknown[] = [];
    const handle = rt.run(request, (e) => events.push(e));
    const runId = current().lastRunId();
    current().reply({ type: "phase", runId, phase: "preparing" });
    current().reply({ type: "event", runId, event: { type: "test-start", name: "a" } });
    current().reply({ type: "event", runId, event: { type: "test-end", test: { name: "a", status: "pass" } } });
    current().reply({ type: "done", runId, results: { version: 2, status: "pass", tests: [{ name: "a", status: "pass" }] } });
    expect(await handle.outcome).toEqual({ cancelled: false, results: { version: 2, status: "pass", tests: [{ name: "a", status: "pass" }] } });
    expect(events).toHaveLength(2);
    expect(rt.status).toBe("ready");
  });

  it("ends a test stuck past its timeout, keeps finished verdicts, and runs the rest in a fresh worker", async () => {
    const rt = runtime();
    const events: RunEvent[] = [];
    const handle = rt.run(request, (e) => events.push(e));
    const stuck = current();
    const runId = stuck.lastRunId();
    stuck.reply({ type: "phase", runId, phase: "preparing" });
    stuck.reply({ type: "event", runId, event: { type: "test-start", name: "sum > adds" } });
    stuck.reply({ type: "event", runId, event: { type: "test-end", test: { name: "sum > adds", status: "pass" } } });
    stuck.reply({ type: "event", runId, event: { type: "test-start", name: "sum > loops" } });
    vi.advanceTimersByTime(request.timeoutMs + budgets.graceMs - 1);
    expect(stuck.terminated).toBe(false);
    vi.advanceTimersByTime(1);
    expect(stuck.terminated).toBe(true);
    expect(workers).toHaveLength(2);
    const fresh = current();
    expect(fresh.sent).toEqual([
      { type: "prepare", seed: request.seed },
      { type: "run", runId, secret: expect.any(String), request: { ...request, skipTests: ["sum > adds", "sum > loops"] } },
    ]);
    // The fresh worker reports the judged tests as skipped: they keep their first verdicts.
    fresh.reply({ type: "event", runId, event: { type: "test-end", test: { name: "sum > adds", status: "skip" } } });
    fresh.reply({ type: "event", runId, event: { type: "test-start", name: "sum > subtracts" } });
    fresh.reply({ type: "event", runId, event: { type: "test-end", test: { name: "sum > subtracts", status: "fail", message: "nope" } } });
    const skipped = [
      { name: "sum > adds", status: "skip" as const },
      { name: "sum > loops", status: "skip" as const },
      { name: "sum > subtracts", status: "fail" as const, message: "nope" },
    ];
    fresh.reply({ type: "done", runId, results: { version: 2, status: "fail", tests: skipped } });
    const outcome = await handle.outcome;
    expect(outcome).toEqual({
      cancelled: false,
      results: {
        version: 2,
        status: "error",
        message: 'Test "sum > loops" timed out after 1000 ms: an infinite loop?',
        tests: [
          { name: "sum > adds", status: "pass" },
          { name: "sum > loops", status: "error", message: "timed out after 1000 ms" },
          { name: "sum > subtracts", status: "fail", message: "nope" },
        ],
      },
    });
    expect(events.map((e) => (e.type === "test-end" ? `${e.test.status}: ${e.test.name}` : e.type === "test-start" ? `start: ${e.name}` : e.type))).toEqual([
      "start: sum > adds",
      "pass: sum > adds",
      "start: sum > loops",
      "error: sum > loops",
      "start: sum > subtracts",
      "fail: sum > subtracts",
    ]);
  });

  it("keeps finished verdicts when a file hangs outside any test", async () => {
    const rt = runtime();
    const handle = rt.run(request);
    const runId = current().lastRunId();
    current().reply({ type: "event", runId, event: { type: "test-start", name: "a" } });
    current().reply({ type: "event", runId, event: { type: "test-end", test: { name: "a", status: "pass" } } });
    vi.advanceTimersByTime(request.timeoutMs + budgets.graceMs);
    const outcome = await handle.outcome;
    expect(!outcome.cancelled && outcome.results.tests).toEqual([{ name: "a", status: "pass" }]);
    expect(!outcome.cancelled && outcome.results.status).toBe("error");
  });

  it("names the file when a module never finishes loading", async () => {
    const rt = runtime();
    const handle = rt.run(request);
    current().reply({ type: "phase", runId: current().lastRunId(), phase: "collecting", file: "tests/a.test.ts" });
    vi.advanceTimersByTime(request.timeoutMs + budgets.graceMs);
    const outcome = await handle.outcome;
    expect(!outcome.cancelled && outcome.results.message).toBe("tests/a.test.ts timed out while loading (an infinite loop at import?)");
  });

  it("keeps a slow but live run going while it reports progress", async () => {
    const rt = runtime();
    const handle = rt.run(request);
    const worker = current();
    const runId = worker.lastRunId();
    for (let i = 0; i < 5; i++) {
      worker.reply({ type: "event", runId, event: { type: "test-start", name: `t${i}` } });
      vi.advanceTimersByTime(request.timeoutMs + budgets.graceMs - 100);
    }
    worker.reply({ type: "done", runId, results: { version: 2, status: "pass", tests: [] } });
    expect((await handle.outcome).cancelled).toBe(false);
    expect(worker.terminated).toBe(false);
  });

  it("cancels the run in flight when a new one starts", async () => {
    const rt = runtime();
    const first = rt.run(request);
    const firstId = current().lastRunId();
    const second = rt.run(request);
    expect(await first.outcome).toEqual({ cancelled: true });
    expect(current().sent).toContainEqual({ type: "cancel", runId: firstId });
    current().reply({ type: "done", runId: firstId, results: { version: 2, status: "fail", tests: [] } });
    const secondId = current().lastRunId();
    current().reply({ type: "done", runId: secondId, results: { version: 2, status: "pass", tests: [] } });
    expect(await second.outcome).toMatchObject({ cancelled: false, results: { status: "pass" } });
  });

  it("replaces a worker that does not stop a cancelled run, and sends the new run again", async () => {
    const rt = runtime();
    rt.run(request);
    const stuck = current();
    const second = rt.run(request);
    vi.advanceTimersByTime(budgets.cancelMs);
    expect(stuck.terminated).toBe(true);
    const fresh = current();
    expect(fresh).not.toBe(stuck);
    const runId = fresh.lastRunId();
    fresh.reply({ type: "done", runId, results: { version: 2, status: "pass", tests: [] } });
    expect(await second.outcome).toMatchObject({ cancelled: false, results: { status: "pass" } });
  });

  it("reports a crashed worker and starts a fresh one", async () => {
    const rt = runtime();
    const handle = rt.run(request);
    const crashed = current();
    crashed.onerror?.({ message: "Out of memory", preventDefault() {} } as ErrorEvent);
    const outcome = await handle.outcome;
    expect(!outcome.cancelled && outcome.results).toMatchObject({ status: "error", message: "The test worker crashed: Out of memory" });
    expect(crashed.terminated).toBe(true);
    expect(workers).toHaveLength(2);
  });
});

describe("local runtime, private channel", () => {
  let workers: FakeWorker[];
  const current = () => workers[workers.length - 1];
  const runtime = () => createLocalRuntime(() => {
    const worker = new FakeWorker();
    workers.push(worker);
    return worker;
  }, budgets);
  const pass = { version: 2 as const, status: "pass" as const, tests: [{ name: "t", status: "pass" as const }] };

  beforeEach(() => {
    workers = [];
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  it("drops a forged done on the worker's global channel, flags the run and replaces the worker", async () => {
    const rt = runtime();
    const handle = rt.run(request);
    const runId = current().lastRunId();
    current().forge({ type: "done", runId, results: pass });
    current().reply({ type: "done", runId, results: { version: 2, status: "fail", tests: [{ name: "t", status: "fail" }] } });
    const outcome = await handle.outcome;
    expect(outcome).toMatchObject({ cancelled: false, results: { status: "error", tampering: [{ what: expect.stringContaining("1 message(s)") }] } });
    expect(workers).toHaveLength(2);
    expect(workers[0].terminated).toBe(true);
  });

  it("drops a message whose secret is not the run's, and never turns it into a pass", async () => {
    const rt = runtime();
    const handle = rt.run(request);
    const runId = current().lastRunId();
    const sent = current().sent.find((m) => m.type === "run");
    expect(sent).toMatchObject({ secret: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    (current() as unknown as { port: { onmessage(e: { data: unknown }): void } }).port.onmessage({ data: { type: "done", runId, secret: "guessed", results: pass } });
    current().reply({ type: "done", runId, results: pass });
    const outcome = await handle.outcome;
    expect(outcome).toMatchObject({ results: { status: "error" } });
  });

  it("replaces a worker that reports itself touched, before anyone else's run", async () => {
    const rt = runtime();
    const handle = rt.run(request);
    current().reply({ type: "done", runId: current().lastRunId(), results: pass, touched: true });
    expect(await handle.outcome).toMatchObject({ results: { status: "pass" } });
    expect(workers).toHaveLength(2);
    rt.run(request);
    expect(workers[1].sent.some((m) => m.type === "run")).toBe(true);
  });
});
