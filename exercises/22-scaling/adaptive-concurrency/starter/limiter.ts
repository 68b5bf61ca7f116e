export interface AimdOptions {
  initial: number;
  min: number;
  max: number;
  /** A call slower than this is a sign of queueing downstream. */
  targetLatencyMs: number;
}

export interface Outcome { latencyMs: number; ok: boolean }
export interface Permit { release(outcome: Outcome): void }

/** TODO: a concurrency limit found by AIMD: +1/limit per fast success, halve on a slow or failed call. */
export class AimdLimiter {
  constructor(private readonly options: AimdOptions) {}

  get limit(): number { return this.options.initial; }
  get inflight(): number { return 0; }

  tryAcquire(): Permit | null {
    return { release: () => {} };
  }
}
