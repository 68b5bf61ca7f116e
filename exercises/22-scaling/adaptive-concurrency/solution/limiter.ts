export interface AimdOptions {
  initial: number;
  min: number;
  max: number;
  /** A call slower than this is a sign of queueing downstream. */
  targetLatencyMs: number;
}

export interface Outcome { latencyMs: number; ok: boolean }
export interface Permit { release(outcome: Outcome): void }

/** A concurrency limit found by AIMD, as TCP finds its window: grow slowly while calls are fast, halve on trouble. */
export class AimdLimiter {
  #limit: number;
  #inflight = 0;

  constructor(private readonly options: AimdOptions) {
    this.#limit = options.initial;
  }

  get limit(): number { return Math.floor(this.#limit); }
  get inflight(): number { return this.#inflight; }

  /** A permit, or null: the call is shed at once instead of queueing behind the limit. */
  tryAcquire(): Permit | null {
    if (this.#inflight >= this.limit) return null;
    this.#inflight++;
    let released = false;
    return {
      release: (outcome) => {
        if (released) return;
        released = true;
        this.#inflight--;
        this.#adjust(outcome);
      },
    };
  }

  #adjust({ latencyMs, ok }: Outcome): void {
    const { min, max, targetLatencyMs } = this.options;
    // +1/limit per success adds about one per limit's worth of calls: one "round trip" of the window.
    if (ok && latencyMs <= targetLatencyMs) this.#limit = Math.min(max, this.#limit + 1 / this.#limit);
    else this.#limit = Math.max(min, this.#limit / 2);
  }
}
