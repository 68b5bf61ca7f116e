import { BulkheadFullError } from "./errors";

export interface BulkheadOptions { maxConcurrent: number; maxQueue: number }

/** At most maxConcurrent calls at once, maxQueue more waiting in order; the rest are refused at once. */
export class Bulkhead {
  #active = 0;
  readonly #waiting: (() => void)[] = [];

  constructor(private readonly options: BulkheadOptions) {}

  get active(): number { return this.#active; }
  get queued(): number { return this.#waiting.length; }

  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.#active < this.options.maxConcurrent) this.#active++;
    else if (this.#waiting.length < this.options.maxQueue) await new Promise<void>((resolve) => this.#waiting.push(resolve));
    else throw new BulkheadFullError();
    try {
      return await fn();
    } finally {
      // Hand the slot straight to the oldest waiter, so a newcomer cannot jump the queue.
      const next = this.#waiting.shift();
      if (next) next(); else this.#active--;
    }
  }
}
