/**
 * The learner's console output, per test, while a run is in progress. Vitest's worker swaps in a
 * Node Console writing `util.format(...args) + "\n"` to stdout (log, info, debug) or stderr (warn,
 * error), buffers each stream per test and flushes both a microtask later, the stream written first
 * going first; @vitest/utils' format stands in for util.format. The buffering is copied so lines
 * come out in the same order as under Node. Output outside a test (imports, beforeAll/afterAll) is
 * dropped, as the Node runtime drops it.
 */
import { getCurrentTest, type Test } from "@vitest/runner";
import { format } from "@vitest/utils/display";
import { getSafeTimers } from "@vitest/utils/timers";
import { RealDate } from "./mock-date";

const STREAMS = { log: "stdout", info: "stdout", debug: "stdout", warn: "stderr", error: "stderr" } as const;
type Method = keyof typeof STREAMS;

interface Batch {
  stdout: string[];
  stderr: string[];
  // Vitest's timestamps per test: both set when the test first writes, each reset only when its
  // own stream is flushed non-empty; the older one goes first (stdout on a tie).
  stdoutTime: number;
  stderrTime: number;
  cancel?: () => void;
}

export interface ConsoleCapture {
  /** Everything the test printed, or undefined if nothing. */
  outputOf(test: Test): string | undefined;
  restore(): void;
}

export function captureConsole(): ConsoleCapture {
  const output = new WeakMap<Test, string>();
  const batches = new Map<Test, Batch>();
  const { queueMicrotask } = getSafeTimers();

  const take = (test: Test, batch: Batch, stream: "stdout" | "stderr") => {
    if (batch[stream].length === 0) return;
    output.set(test, (output.get(test) ?? "") + batch[stream].join(""));
    batch[stream] = [];
    batch[`${stream}Time`] = 0;
  };
  const flush = (test: Test) => {
    const batch = batches.get(test);
    if (!batch) return;
    batch.cancel?.();
    batch.cancel = undefined;
    const order = batch.stderrTime < batch.stdoutTime ? (["stderr", "stdout"] as const) : (["stdout", "stderr"] as const);
    for (const stream of order) take(test, batch, stream);
  };

  const write = (method: Method, args: unknown[]) => {
    const test = getCurrentTest();
    if (!test) return;
    const stream = STREAMS[method];
    let batch = batches.get(test);
    if (!batch) {
      const now = RealDate.now();
      batches.set(test, (batch = { stdout: [], stderr: [], stdoutTime: now, stderrTime: now }));
    }
    batch[`${stream}Time`] ||= RealDate.now();
    batch[stream].push(`${format(...args)}\n`);
    // Lines written in one synchronous stretch go out together, a microtask later.
    batch.cancel?.();
    let cancelled = false;
    batch.cancel = () => {
      cancelled = true;
    };
    queueMicrotask(() => {
      if (!cancelled) flush(test);
    });
  };

  const originals = Object.keys(STREAMS).map((method) => [method as Method, console[method as Method]] as const);
  for (const [method] of originals) console[method] = (...args: unknown[]) => write(method, args);
  return {
    outputOf(test) {
      flush(test);
      return output.get(test);
    },
    restore() {
      for (const test of batches.keys()) flush(test);
      batches.clear();
      for (const [method, original] of originals) console[method] = original;
    },
  };
}
