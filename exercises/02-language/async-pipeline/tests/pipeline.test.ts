import { describe, it, expect, vi, afterEach } from "vitest";
import { pipe, map, filter, take, batch } from "../main";

interface Deferred<T> {
  promise: Promise<T>;
  resolve: (value: T) => void;
}

function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((res) => {
    resolve = res;
  });
  return { promise, resolve };
}

/** Lets every pending promise callback run (a macrotask comes after all microtasks). */
function flush(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A source that records how often it was pulled and whether its cleanup (finally) ran. */
function recordingSource<T>(items: Iterable<T>, options: { failAfter?: number; error?: unknown } = {}) {
  const log = { pulled: 0, closed: false };
  async function* generate(): AsyncGenerator<T> {
    try {
      let n = 0;
      for (const item of items) {
        if (options.failAfter !== undefined && n === options.failAfter) throw options.error;
        log.pulled++;
        n++;
        yield item;
      }
      if (options.failAfter !== undefined && n === options.failAfter) throw options.error;
    } finally {
      log.closed = true;
    }
  }
  return { source: generate(), log };
}

function* naturals(): Generator<number> {
  for (let n = 0; ; n++) yield n;
}

/** Everything a stream yields, and the error it ended with, if any. */
async function drain<T>(stream: AsyncIterable<T>): Promise<{ values: T[]; error?: unknown }> {
  const values: T[] = [];
  try {
    for await (const value of stream) values.push(value);
    return { values };
  } catch (error) {
    return { values, error };
  }
}

afterEach(() => {
  vi.useRealTimers();
});

describe("the stages", () => {
  it("pipe turns arrays and iterables into async streams and applies stages left to right", async () => {
    expect(await drain(pipe([1, 2, 3]))).toEqual({ values: [1, 2, 3] });
    expect(await drain(pipe(new Set(["a", "b"]), map((s: string) => s.toUpperCase())))).toEqual({ values: ["A", "B"] });
    const stream = pipe(
      [1, 2, 3, 4, 5, 6],
      filter((n: number) => n % 2 === 0),
      map((n: number) => n * 10),
      map((n: number) => `#${n}`),
    );
    expect(await drain(stream)).toEqual({ values: ["#20", "#40", "#60"] });
  });

  it("map and filter pass the index and accept async functions", async () => {
    const stream = pipe(
      ["a", "b", "c", "d"],
      map(async (s: string, i: number) => {
        await flush();
        return `${i}:${s}`;
      }),
      filter(async (s: string, i: number) => {
        await flush();
        return i !== 1;
      }),
    );
    expect(await drain(stream)).toEqual({ values: ["0:a", "2:c", "3:d"] });
  });

  it("take yields the first n items, copes with short streams, and take(0) never pulls", async () => {
    expect(await drain(pipe(naturals(), take(3)))).toEqual({ values: [0, 1, 2] });
    expect(await drain(pipe([1, 2], take(5)))).toEqual({ values: [1, 2] });

    const { source, log } = recordingSource([1, 2, 3]);
    expect(await drain(pipe(source, take(0)))).toEqual({ values: [] });
    expect(log.pulled).toBe(0);
  });

  it("batch groups items, ends with a shorter batch and never yields an empty one", async () => {
    expect(await drain(pipe([1, 2, 3, 4, 5, 6, 7], batch(3)))).toEqual({ values: [[1, 2, 3], [4, 5, 6], [7]] });
    expect(await drain(pipe([1, 2, 3, 4], batch(2)))).toEqual({ values: [[1, 2], [3, 4]] });
    expect(await drain(pipe([], batch(2)))).toEqual({ values: [] });
    expect(await drain(pipe(["x"], batch(1)))).toEqual({ values: [["x"]] });
  });

  it("rejects invalid sizes and counts with a RangeError when the stage is created", () => {
    const attempts: Record<string, () => unknown> = {
      "map concurrency 0": () => map((x: number) => x, { concurrency: 0 }),
      "map concurrency 1.5": () => map((x: number) => x, { concurrency: 1.5 }),
      "take(-1)": () => take(-1),
      "take(2.5)": () => take(2.5),
      "batch(0)": () => batch(0),
      "batch(NaN)": () => batch(Number.NaN),
      "batch(2, 0)": () => batch(2, 0),
      "batch(2, -10)": () => batch(2, -10),
    };
    const outcomes = Object.fromEntries(
      Object.entries(attempts).map(([label, attempt]) => {
        try {
          attempt();
          return [label, "no error"];
        } catch (error) {
          return [label, error instanceof RangeError ? "RangeError" : `other error: ${String(error)}`];
        }
      }),
    );
    expect(outcomes).toEqual(Object.fromEntries(Object.keys(attempts).map((label) => [label, "RangeError"])));
    expect(() => take(0)).not.toThrow();
    expect(() => batch(3, 250)).not.toThrow();
  });
});

describe("laziness and cleanup", () => {
  it("pulls nothing until consumed, then only what the consumer needs", async () => {
    const { source, log } = recordingSource(naturals());
    const squared: number[] = [];
    const stream = pipe(
      source,
      map((n: number) => {
        squared.push(n);
        return n * n;
      }),
      filter((n: number) => n % 2 === 0),
      take(3),
    );
    await flush();
    expect({ pulled: log.pulled, squared }).toEqual({ pulled: 0, squared: [] });

    expect(await drain(stream)).toEqual({ values: [0, 4, 16] });
    // 0, 1, 2, 3, 4 → squares 0, 1, 4, 9, 16 → the third even square is 16: five pulls, no more.
    expect({ pulled: log.pulled, squared }).toEqual({ pulled: 5, squared: [0, 1, 2, 3, 4] });
    expect(log.closed).toBe(true);
  });

  it("runs the source's cleanup when the consumer breaks out early", async () => {
    const { source, log } = recordingSource(naturals());
    const seen: number[] = [];
    for await (const n of pipe(source, filter((n: number) => n > 1), map((n: number) => n * 2))) {
      seen.push(n);
      if (seen.length === 2) break;
    }
    expect(seen).toEqual([4, 6]);
    expect(log).toEqual({ pulled: 4, closed: true });
  });

  it("runs the source's cleanup through every stage, including concurrent map and batch", async () => {
    const { source, log } = recordingSource(naturals());
    const stream = pipe(
      source,
      map(async (n: number) => n + 100, { concurrency: 3 }),
      filter(() => true),
      batch(2),
      take(2),
    );
    expect(await drain(stream)).toEqual({ values: [[100, 101], [102, 103]] });
    expect(log.closed).toBe(true);
  });

  it("propagates a source error after the items before it, in every stage", async () => {
    const boom = new Error("connection reset");
    const make = () => recordingSource([1, 2, 3, 4], { failAfter: 2, error: boom }).source;
    expect(await drain(pipe(make(), map((n: number) => n * 10)))).toEqual({ values: [10, 20], error: boom });
    // With read-ahead, the error is discovered early but must still come after 10 and 20.
    expect(await drain(pipe(make(), map(async (n: number) => n * 10, { concurrency: 3 })))).toEqual({
      values: [10, 20],
      error: boom,
    });
    expect(await drain(pipe(make(), filter(() => true), take(3)))).toEqual({ values: [1, 2], error: boom });
    // A batch that never filled up is dropped: the stream failed before it was complete.
    expect(await drain(pipe(make(), batch(3)))).toEqual({ values: [], error: boom });
    expect(await drain(pipe(recordingSource([1, 2, 3], { failAfter: 3, error: boom }).source, batch(2)))).toEqual({
      values: [[1, 2]],
      error: boom,
    });
  });

  it("stops the source and reports the error when a stage's function throws", async () => {
    const boom = new TypeError("bad record");
    for (const concurrency of [1, 2]) {
      const { source, log } = recordingSource(naturals());
      const stream = pipe(
        source,
        map((n: number) => {
          if (n === 3) throw boom;
          return n;
        }, { concurrency }),
      );
      expect({ concurrency, ...(await drain(stream)), closed: log.closed }).toEqual({
        concurrency,
        values: [0, 1, 2],
        error: boom,
        closed: true,
      });
    }
  });
});

describe("concurrent map", () => {
  it("runs up to N calls at once and still yields results in input order", async () => {
    const gates = Array.from({ length: 5 }, () => deferred<string>());
    const calls: number[] = [];
    let running = 0;
    let maxRunning = 0;
    const stream = pipe(
      [0, 1, 2, 3, 4],
      map(
        async (n: number) => {
          calls.push(n);
          running++;
          maxRunning = Math.max(maxRunning, running);
          try {
            return await gates[n].promise;
          } finally {
            running--;
          }
        },
        { concurrency: 2 },
      ),
    );
    const iterator = stream[Symbol.asyncIterator]();
    await flush();
    expect(calls).toEqual([]); // lazy: nothing before the first next()

    let first: IteratorResult<string> | { error: unknown } | undefined;
    void iterator.next().then(
      (result) => (first = result),
      (error: unknown) => (first = { error }),
    );
    await flush();
    expect(calls).toEqual([0, 1]); // read ahead: both slots busy

    gates[1].resolve("one");
    await flush();
    expect(first).toBeUndefined(); // 1 is done, but 0 comes first

    gates[0].resolve("zero");
    await flush();
    expect(first).toEqual({ value: "zero", done: false });

    for (const [i, gate] of gates.entries()) gate.resolve(["zero", "one", "two", "three", "four"][i]);
    const rest: string[] = [];
    for (let step = await iterator.next(); !step.done; step = await iterator.next()) rest.push(step.value);
    expect(rest).toEqual(["one", "two", "three", "four"]);
    expect(calls).toEqual([0, 1, 2, 3, 4]);
    expect(maxRunning).toBe(2);
  });
});

/**
 * Runs a consumer in the background while the test moves the fake clock. It never rejects, so a
 * failure shows up in this test's assertion instead of as an unhandled rejection.
 */
function inBackground(consume: () => Promise<void>): Promise<string> {
  return consume().then(
    () => "completed",
    (error: unknown) => `failed: ${String(error)}`,
  );
}

describe("batch with maxWaitMs (fake timers)", () => {
  /** An async source yielding each value at its time (ms after the start), like a message queue. */
  async function* timed<T>(events: [number, T][], log: string[]): AsyncGenerator<T> {
    const start = Date.now();
    try {
      for (const [at, value] of events) {
        await sleep(at - (Date.now() - start));
        yield value;
      }
    } finally {
      log.push(`source closed at ${Date.now() - start}`);
    }
  }

  it("yields a batch when it is full or when its first item has waited maxWaitMs", async () => {
    vi.useFakeTimers();
    const start = Date.now();
    const log: string[] = [];
    const events: [number, string][] = [
      [0, "a"], [10, "b"], // full at 10
      [60, "c"], [150, "d"], // full at 150: the timer from "a" must not cut this batch short
      [400, "e"], // alone: sent at 400 + 100
      [520, "f"], [530, "g"], // "f" arrives while the timed-out pull is still pending
      [700, "h"], // then the source ends: the last batch goes out at once
    ];
    const emitted: string[] = [];
    const done = inBackground(async () => {
      for await (const group of pipe(timed(events, log), batch(2, 100))) {
        emitted.push(`${Date.now() - start}: ${group.join(",")}`);
      }
    });
    // The stream ends at 700, while the timer for "h" would still run until 800.
    await vi.advanceTimersByTimeAsync(750);
    expect(await done).toBe("completed");

    expect(emitted).toEqual(["10: a,b", "150: c,d", "500: e", "530: f,g", "700: h"]);
    expect(log).toEqual(["source closed at 700"]);
    expect(vi.getTimerCount()).toBe(0); // no timer left behind
  });

  it("emits nothing while the stream is idle", async () => {
    vi.useFakeTimers();
    const start = Date.now();
    const emitted: string[] = [];
    const done = inBackground(async () => {
      for await (const group of pipe(timed([[1_000, 1], [1_050, 2], [5_000, 3]], []), batch(10, 200))) {
        emitted.push(`${Date.now() - start}: ${group.join(",")}`);
      }
    });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(await done).toBe("completed");
    expect(emitted).toEqual(["1200: 1,2", "5000: 3"]);
  });

  it("closes the source and clears its timer when the consumer stops during a wait", async () => {
    vi.useFakeTimers();
    const start = Date.now();
    const log: string[] = [];
    const emitted: string[] = [];
    const done = inBackground(async () => {
      for await (const group of pipe(timed([[0, "a"], [500, "b"], [900, "c"]], log), batch(5, 100))) {
        emitted.push(`${Date.now() - start}: ${group.join(",")}`);
        break;
      }
    });
    await vi.advanceTimersByTimeAsync(2_000);
    expect(await done).toBe("completed");
    expect(emitted).toEqual(["100: a"]);
    // The pull that was waiting for "b" finishes first; then the source is closed, never reaching "c".
    expect(log).toEqual(["source closed at 500"]);
    expect(vi.getTimerCount()).toBe(0);
  });
});
