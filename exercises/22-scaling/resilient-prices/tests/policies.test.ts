import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createNetwork, type Network } from "@roadlab/net";
import { backoffMs, fetchWithRetry, type RetryOptions } from "../retry";
import { CircuitBreaker } from "../breaker";
import { Bulkhead } from "../bulkhead";

let net: Network;
let answers: number[];

beforeEach(() => {
  vi.useFakeTimers();
  net = createNetwork();
  answers = [];
  // Answers the statuses queued in `answers`, then 200.
  net.serve("pricing", () => new Response("{}", { status: answers.shift() ?? 200 }));
});
afterEach(() => vi.useRealTimers());

const retry: RetryOptions = { attempts: 3, baseMs: 100, capMs: 1_000, timeoutMs: 50, random: () => 1 };
const sent = () => net.requests("pricing").length;
const settle = async <T>(promise: Promise<T>) => promise.then((value) => ({ value }), (error: unknown) => ({ error }));

describe("retry", () => {
  it("waits a full-jitter backoff: random × min(cap, base × 2^(retry−1))", () => {
    const at = (random: number) => [1, 2, 3, 4, 5].map((n) => backoffMs(n, { baseMs: 100, capMs: 1_000, random: () => random }));
    expect(at(1)).toEqual([100, 200, 400, 800, 1_000]);
    expect(at(0.5)).toEqual([50, 100, 200, 400, 500]);
    expect(at(0)).toEqual([0, 0, 0, 0, 0]);
  });

  it("retries a 503 after each backoff and resolves with the answer that worked", async () => {
    answers = [503, 502];
    const result = fetchWithRetry(net.fetch, "http://pricing/prices/p1", {}, retry);
    await vi.advanceTimersByTimeAsync(99);
    expect(sent()).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent()).toBe(2);
    await vi.advanceTimersByTimeAsync(199);
    expect(sent()).toBe(2);
    await vi.advanceTimersByTimeAsync(1);
    expect((await result).status).toBe(200);
    expect(sent()).toBe(3);
  });

  it("stops after `attempts` tries and resolves with the last answer", async () => {
    answers = [503, 429, 504, 200];
    const result = fetchWithRetry(net.fetch, "http://pricing/prices/p1", {}, retry);
    await vi.advanceTimersByTimeAsync(10_000);
    expect((await result).status).toBe(504);
    expect(sent()).toBe(3);
  });

  it("does not retry an answer that would fail again (400, 404, 500), nor a POST", async () => {
    for (const status of [400, 404, 500]) {
      answers = [status];
      const result = fetchWithRetry(net.fetch, "http://pricing/prices/p1", {}, retry);
      await vi.advanceTimersByTimeAsync(10_000);
      expect((await result).status).toBe(status);
    }
    answers = [503];
    const post = fetchWithRetry(net.fetch, "http://pricing/prices/p1", { method: "POST" }, retry);
    await vi.advanceTimersByTimeAsync(10_000);
    expect((await post).status).toBe(503);
    expect(sent()).toBe(4);
  });

  it("aborts a try after timeoutMs, retries it, and finally rejects with TIMEOUT", async () => {
    net.faults("pricing", { hang: true });
    const result = settle(fetchWithRetry(net.fetch, "http://pricing/prices/p1", {}, { ...retry, attempts: 2 }));
    await vi.advanceTimersByTimeAsync(50);
    expect(net.requests("pricing")[0].error).toBe("aborted");
    await vi.advanceTimersByTimeAsync(100 + 50);
    expect(await result).toMatchObject({ error: { code: "TIMEOUT" } });
    expect(net.requests("pricing").map((r) => r.error)).toEqual(["aborted", "aborted"]);
  });

  it("retries a refused connection, then rejects with fetch's TypeError", async () => {
    net.faults("pricing", { down: true });
    const result = settle(fetchWithRetry(net.fetch, "http://pricing/prices/p1", {}, retry));
    await vi.advanceTimersByTimeAsync(10_000);
    expect((await result as { error: unknown }).error).toBeInstanceOf(TypeError);
    expect(sent()).toBe(3);
  });
});

describe("circuit breaker", () => {
  const fail = () => Promise.reject(new Error("boom"));
  const ok = () => Promise.resolve("ok");

  it("opens after failureThreshold failures in a row, then fails fast with CIRCUIT_OPEN without calling", async () => {
    const breaker = new CircuitBreaker({ failureThreshold: 3, openMs: 5_000 });
    for (const fn of [fail, fail, ok, fail, fail]) await settle(breaker.run(fn));
    expect(breaker.state).toBe("closed"); // the success broke the run
    await settle(breaker.run(fail));
    expect(breaker.state).toBe("open");
    const spy = vi.fn(ok);
    expect(await settle(breaker.run(spy))).toMatchObject({ error: { code: "CIRCUIT_OPEN" } });
    expect(spy).not.toHaveBeenCalled();
    // A result isFailure flags is a failure too, and run still resolves with it.
    const flagged = new CircuitBreaker({ failureThreshold: 2, openMs: 5_000 });
    await flagged.run(() => Promise.resolve(503), (status) => status >= 500);
    expect(await flagged.run(() => Promise.resolve(503), (status) => status >= 500)).toBe(503);
    expect(flagged.state).toBe("open");
  });

  it("after openMs lets exactly one probe through (half-open); its success closes the circuit", async () => {
    const breaker = new CircuitBreaker({ failureThreshold: 1, openMs: 5_000 });
    await settle(breaker.run(fail));
    await vi.advanceTimersByTimeAsync(4_999);
    expect(breaker.state).toBe("open");
    await vi.advanceTimersByTimeAsync(1);
    expect(breaker.state).toBe("half-open");
    let finish!: (value: string) => void;
    const probe = breaker.run(() => new Promise<string>((resolve) => (finish = resolve)));
    expect(await settle(breaker.run(ok))).toMatchObject({ error: { code: "CIRCUIT_OPEN" } });
    finish("fine");
    expect(await probe).toBe("fine");
    expect(breaker.state).toBe("closed");
    expect(await breaker.run(ok)).toBe("ok");
  });

  it("a failed probe opens it again for a whole openMs", async () => {
    const breaker = new CircuitBreaker({ failureThreshold: 2, openMs: 1_000 });
    await settle(breaker.run(fail));
    await settle(breaker.run(fail));
    await vi.advanceTimersByTimeAsync(1_000);
    await settle(breaker.run(fail));
    expect(breaker.state).toBe("open");
    await vi.advanceTimersByTimeAsync(999);
    expect(breaker.state).toBe("open");
    await vi.advanceTimersByTimeAsync(1);
    expect(breaker.state).toBe("half-open");
  });
});

describe("bulkhead", () => {
  it("runs maxConcurrent at once, queues maxQueue in order, refuses the rest at once with BULKHEAD_FULL", async () => {
    const bulkhead = new Bulkhead({ maxConcurrent: 2, maxQueue: 2 });
    const started: number[] = [];
    const release: (() => void)[] = [];
    const job = (n: number) => () => new Promise<number>((resolve) => { started.push(n); release[n] = () => resolve(n); });
    const runs = [1, 2, 3, 4].map((n) => bulkhead.run(job(n)));
    expect(await settle(bulkhead.run(job(5)))).toMatchObject({ error: { code: "BULKHEAD_FULL" } });
    await Promise.resolve();
    expect(started).toEqual([1, 2]);
    expect([bulkhead.active, bulkhead.queued]).toEqual([2, 2]);
    release[2]();
    await vi.advanceTimersByTimeAsync(0);
    expect(started).toEqual([1, 2, 3]);
    // A newcomer waits behind 4, it does not take the slot.
    const late = bulkhead.run(job(6));
    release[1]();
    await vi.advanceTimersByTimeAsync(0);
    expect(started).toEqual([1, 2, 3, 4]);
    release[3]();
    release[4]();
    await vi.advanceTimersByTimeAsync(0);
    release[6]();
    expect(await Promise.all([...runs, late])).toEqual([1, 2, 3, 4, 6]);
    expect([bulkhead.active, bulkhead.queued]).toEqual([0, 0]);
  });

  it("frees the slot when a call rejects", async () => {
    const bulkhead = new Bulkhead({ maxConcurrent: 1, maxQueue: 0 });
    await settle(bulkhead.run(() => Promise.reject(new Error("boom"))));
    expect(bulkhead.active).toBe(0);
    expect(await bulkhead.run(() => Promise.resolve("next"))).toBe("next");
  });
});
