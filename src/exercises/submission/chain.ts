import { canonicalJson, sha256Hex } from "./canonical-json";
import type { LogEntry, LogEvent } from "./log";

/**
 * A SHA-256 hash chain over the event log: each event's hash covers the previous hash and the
 * event itself, and the first one starts from the task's hash, so an event cannot be edited,
 * dropped, reordered or moved to another task without every later hash changing. It is
 * tamper-evident, not tamper-proof: the page holds no secret, so someone who rewrites the whole
 * chain consistently is not caught by the hashes alone (replay and timings still are checked).
 */
export async function chainEvent(previousHash: string, seq: number, entry: LogEntry): Promise<LogEvent> {
  const event = { ...entry, seq } as Omit<LogEvent, "hash">;
  return { ...event, hash: await sha256Hex(previousHash + canonicalJson(event)) } as LogEvent;
}

export type ChainProblem = { seq: number; why: "hash" | "sequence" | "time" };

/** The first place where the log does not chain from `taskHash`, or undefined when it all holds. */
export async function verifyChain(taskHash: string, log: readonly LogEvent[]): Promise<ChainProblem | undefined> {
  let previous = taskHash;
  let lastT = 0;
  for (const [index, event] of log.entries()) {
    if (event.seq !== index) return { seq: index, why: "sequence" };
    if (event.t < lastT) return { seq: index, why: "time" };
    const { hash, ...rest } = event;
    if ((await sha256Hex(previous + canonicalJson(rest))) !== hash) return { seq: index, why: "hash" };
    previous = hash;
    lastT = event.t;
  }
  return undefined;
}

/**
 * Appends entries to a chained log one at a time, in order, even when they are recorded faster
 * than they can be hashed (digest is async).
 */
export class LogChain {
  #events: LogEvent[];
  #tail: Promise<unknown> = Promise.resolve();

  constructor(private readonly taskHash: string, events: readonly LogEvent[] = []) {
    this.#events = [...events];
  }

  append(entry: LogEntry): Promise<LogEvent> {
    const next = this.#tail.then(async () => {
      const previous = this.#events.at(-1)?.hash ?? this.taskHash;
      const event = await chainEvent(previous, this.#events.length, entry);
      this.#events.push(event);
      return event;
    });
    this.#tail = next.catch(() => {});
    return next;
  }

  /** Every event appended so far, once the pending ones are hashed. */
  async events(): Promise<LogEvent[]> {
    await this.#tail;
    return [...this.#events];
  }
}
