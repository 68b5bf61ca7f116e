import { describe, it, expect, vi, afterEach } from "vitest";
import { runPool, type Task } from "../main";

interface Deferred<T> {
  promise: Promise<T>;
  resolve: (value: T) => void;
  reject: (error: unknown) => void;
}

function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // Rejecting a gate whose task never started must not count as an unhandled rejection.
  promise.catch(() => {});
  return { promise, resolve, reject };
}

/** n tasks that finish only when the test says so; records which started and what signal each got. */
function controlledTasks(n: number) {
  const started: number[] = [];
  const signals: AbortSignal[] = [];
  const gates = Array.from({ length: n }, () => deferred<string>());
  const tasks: Task<string>[] = gates.map((gate, i) => (signal: AbortSignal) => {
    started.push(i);
    signals[i] = signal;
    return gate.promise;
  });
  return { tasks, started, signals, gates };
}

/** Watches a promise without awaiting it, so a test can ask "has it settled yet?". */
function track<T>(promise: Promise<T>) {
  const state: { status: "pending" | "fulfilled" | "rejected"; value?: T; error?: unknown } = { status: "pending" };
  promise.then(
    (value) => Object.assign(state, { status: "fulfilled", value }),
    (error: unknown) => Object.assign(state, { status: "rejected", error }),
  );
  return state;
}

/** Lets every pending promise callback run (a macrotask comes after all microtasks). */
function flush(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

afterEach(() => {
  vi.useRealTimers();
});

describe("concurrency and ordering", () => {
  it("resolves with results in input order, not completion order", async () => {
    const { tasks, gates } = controlledTasks(4);
    const pool = track(runPool(tasks, { concurrency: 4 }));
    await flush();
    for (const i of [3, 1, 0, 2]) {
      gates[i].resolve(`result ${i}`);
      await flush();
    }
    expect(pool).toEqual({ status: "fulfilled", value: ["result 0", "result 1", "result 2", "result 3"] });
  });

  it("starts at most N tasks, and the next one as soon as one finishes", async () => {
    const { tasks, started, gates } = controlledTasks(6);
    const pool = track(runPool(tasks, { concurrency: 2 }));
    await flush();
    expect(started).toEqual([0, 1]);

    gates[1].resolve("b");
    await flush();
    expect(started).toEqual([0, 1, 2]);

    gates[0].resolve("a");
    gates[2].resolve("c");
    await flush();
    expect(started).toEqual([0, 1, 2, 3, 4]);
    expect(pool.status).toBe("pending");

    gates[3].resolve("d");
    gates[4].resolve("e");
    await flush();
    expect(started).toEqual([0, 1, 2, 3, 4, 5]);
    gates[5].resolve("f");
    await flush();
    expect(pool).toEqual({ status: "fulfilled", value: ["a", "b", "c", "d", "e", "f"] });
  });

  it("keeps exactly N tasks busy on a timeline (fake timers)", async () => {
    vi.useFakeTimers();
    const t0 = Date.now();
    const durations = [100, 50, 10, 30, 20];
    const startedAt: number[] = [];
    let running = 0;
    let maxRunning = 0;
    const tasks = durations.map((ms, i) => async () => {
      startedAt[i] = Date.now() - t0;
      running++;
      maxRunning = Math.max(maxRunning, running);
      await new Promise((resolve) => setTimeout(resolve, ms));
      running--;
      return ms;
    });
    const pool = track(runPool(tasks, { concurrency: 2 }));

    await vi.advanceTimersByTimeAsync(109);
    // 0 and 1 start at once; 2 takes 1's slot at 50, 3 takes 2's at 60, 4 takes 3's at 90.
    expect(startedAt).toEqual([0, 0, 50, 60, 90]);
    expect(pool.status).toBe("pending"); // task 4 ends at 110
    await vi.advanceTimersByTimeAsync(1);
    expect(pool.status).toBe("fulfilled");
    expect(pool.value).toEqual(durations);
    expect(maxRunning).toBe(2);
  });

  it("runs one at a time with concurrency 1, and copes with more slots than tasks", async () => {
    const order: string[] = [];
    const tasks = ["a", "b", "c"].map((name) => async () => {
      order.push(`start ${name}`);
      await flush();
      order.push(`end ${name}`);
      return name.toUpperCase();
    });
    expect(await runPool(tasks, { concurrency: 1 })).toEqual(["A", "B", "C"]);
    expect(order).toEqual(["start a", "end a", "start b", "end b", "start c", "end c"]);

    order.length = 0;
    expect(await runPool(tasks, { concurrency: 10 })).toEqual(["A", "B", "C"]);
    expect(order.slice(0, 3)).toEqual(["start a", "start b", "start c"]);

    expect(await runPool([], { concurrency: 3 })).toEqual([]);
  });

  it("rejects a concurrency that is not an integer >= 1, before starting anything", async () => {
    for (const concurrency of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      const { tasks, started } = controlledTasks(2);
      const outcome = await runPool(tasks, { concurrency }).then(
        (value) => `resolved ${JSON.stringify(value)}`,
        (error: unknown) => (error instanceof RangeError ? "RangeError" : `rejected with ${String(error)}`),
      );
      expect({ concurrency, outcome, started }).toEqual({ concurrency, outcome: "RangeError", started: [] });
    }
  });

  it("takes tasks from the iterable only when a slot is free", async () => {
    const gates = Array.from({ length: 5 }, () => deferred<number>());
    const pulled: number[] = [];
    function* lazyTasks(): Generator<Task<number>> {
      for (let i = 0; i < gates.length; i++) {
        pulled.push(i);
        yield () => gates[i].promise;
      }
    }
    const pool = track(runPool(lazyTasks(), { concurrency: 2 }));
    await flush();
    expect(pulled).toEqual([0, 1]);
    gates[0].resolve(0);
    await flush();
    expect(pulled).toEqual([0, 1, 2]);
    for (const gate of gates) gate.resolve(7);
    await flush();
    expect(pool).toEqual({ status: "fulfilled", value: [0, 7, 7, 7, 7] });
  });
});

describe("errors", () => {
  it("fail-fast (the default): rejects with the first error, starts nothing new and aborts the running tasks", async () => {
    const { tasks, started, signals, gates } = controlledTasks(5);
    const pool = track(runPool(tasks, { concurrency: 2 }));
    await flush();
    const boom = new Error("task 1 failed");
    gates[1].reject(boom);
    await flush();

    expect(started).toEqual([0, 1]);
    expect(signals[0].aborted).toBe(true);
    // Task 0 is still running: the pool waits for it, so no work outlives the pool.
    expect(pool.status).toBe("pending");

    gates[0].reject(new Error("aborted because task 1 failed"));
    await flush();
    expect(pool).toEqual({ status: "rejected", error: boom });
    expect(started).toEqual([0, 1]);
  });

  it("counts a task that throws synchronously as a failed task, in both modes", async () => {
    const boom = new TypeError("cannot read properties of undefined");
    const ran: number[] = [];
    const makeTasks = (): Task<number>[] =>
      [0, 1, 2, 3].map((i) =>
        i === 1
          ? () => {
              ran.push(i);
              throw boom; // no promise at all: the function itself throws
            }
          : async () => {
              ran.push(i);
              await flush();
              return i;
            },
      );
    await expect(runPool(makeTasks(), { concurrency: 1 })).rejects.toBe(boom);
    expect(ran).toEqual([0, 1]);

    ran.length = 0;
    const error = await runPool(makeTasks(), { concurrency: 2, mode: "aggregate" }).then(
      (value) => `resolved ${JSON.stringify(value)}`,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(AggregateError);
    expect((error as AggregateError).errors).toEqual([boom]);
    expect(ran.sort()).toEqual([0, 1, 2, 3]);
  });

  it("aggregate mode: runs every task, then rejects with an AggregateError in input order", async () => {
    const { tasks, started, signals, gates } = controlledTasks(5);
    const pool = track(runPool(tasks, { concurrency: 2, mode: "aggregate" }));
    const e1 = new Error("one");
    const e3 = new Error("three");
    const e4 = new Error("four");
    await flush();
    gates[1].reject(e1);
    await flush();
    gates[0].resolve("zero");
    gates[2].resolve("two");
    await flush();
    gates[4].reject(e4); // fails before task 3 does
    gates[3].reject(e3);
    await flush();

    expect(started).toEqual([0, 1, 2, 3, 4]);
    expect(signals.map((signal) => signal.aborted)).toEqual([false, false, false, false, false]);
    expect(pool.status).toBe("rejected");
    expect(pool.error).toBeInstanceOf(AggregateError);
    expect((pool.error as AggregateError).errors).toEqual([e1, e3, e4]);
    expect((pool.error as AggregateError).message).toBe("3 of 5 tasks failed");
  });

  it("aggregate mode: resolves normally when nothing fails", async () => {
    const tasks = [3, 1, 2].map((n) => async () => n * 10);
    expect(await runPool(tasks, { concurrency: 2, mode: "aggregate" })).toEqual([30, 10, 20]);
  });
});

describe("cancellation with an AbortSignal", () => {
  it("starts no new tasks after an abort and rejects with the signal's reason", async () => {
    const { tasks, started, signals, gates } = controlledTasks(6);
    const controller = new AbortController();
    const pool = track(runPool(tasks, { concurrency: 2, signal: controller.signal }));
    await flush();
    gates[0].resolve("a");
    await flush();
    expect(started).toEqual([0, 1, 2]);

    const reason = new Error("client went away");
    controller.abort(reason);
    await flush();
    expect(signals[1].aborted).toBe(true);
    expect(signals[1].reason).toBe(reason);
    expect(pool.status).toBe("pending"); // tasks 1 and 2 are still running

    gates[1].resolve("b"); // finishing after the abort does not rescue the pool
    gates[2].reject(reason);
    await flush();
    expect(pool).toEqual({ status: "rejected", error: reason });
    expect(started).toEqual([0, 1, 2]);
  });

  it("rejects at once, starting nothing, when the signal is already aborted", async () => {
    const { tasks, started } = controlledTasks(3);
    const reason = new Error("shutting down");
    await expect(runPool(tasks, { concurrency: 2, signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
    expect(started).toEqual([]);
  });

  it("uses the signal's default reason (an AbortError) and wins over task errors, in both modes", async () => {
    for (const mode of ["fail-fast", "aggregate"] as const) {
      const { tasks, gates } = controlledTasks(3);
      const controller = new AbortController();
      const pool = track(runPool(tasks, { concurrency: 3, mode, signal: controller.signal }));
      await flush();
      gates[0].reject(new Error("task failed first"));
      controller.abort();
      await flush();
      gates[1].reject(controller.signal.reason);
      gates[2].resolve("late");
      await flush();
      expect({ mode, status: pool.status, errorName: (pool.error as Error | undefined)?.name }).toEqual({
        mode,
        status: "rejected",
        errorName: "AbortError",
      });
      expect(pool.error).toBe(controller.signal.reason);
    }
  });

  it("removes every listener it added to the caller's signal before settling", async () => {
    const { signal } = new AbortController();
    const listening = new Set<unknown>();
    const add = signal.addEventListener.bind(signal);
    const remove = signal.removeEventListener.bind(signal);
    signal.addEventListener = ((type: string, listener: EventListenerOrEventListenerObject, options?: AddEventListenerOptions) => {
      listening.add(listener);
      add(type, listener, options);
    }) as typeof signal.addEventListener;
    signal.removeEventListener = ((type: string, listener: EventListenerOrEventListenerObject, options?: EventListenerOptions) => {
      listening.delete(listener);
      remove(type, listener, options);
    }) as typeof signal.removeEventListener;
    await expect(runPool([async () => 1, async () => 2], { concurrency: 1, signal })).resolves.toEqual([1, 2]);
    expect(listening.size).toBe(0);
    const failure = new Error("boom");
    await expect(runPool([() => Promise.reject(failure)], { concurrency: 2, signal })).rejects.toBe(failure);
    expect(listening.size).toBe(0);
  });

  it("is not affected by an abort after it has finished", async () => {
    const controller = new AbortController();
    const results = await runPool([async () => 1, async () => 2], { concurrency: 1, signal: controller.signal });
    controller.abort();
    expect(results).toEqual([1, 2]);
  });
});
