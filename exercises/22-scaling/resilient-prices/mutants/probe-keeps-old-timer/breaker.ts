import { CircuitOpenError } from "./errors";

export type CircuitState = "closed" | "open" | "half-open";

export interface BreakerOptions {
  /** Failed calls in a row that open the circuit. */
  failureThreshold: number;
  /** How long it stays open before one probe may go through. */
  openMs: number;
}

export class CircuitBreaker {
  #open = false;
  #openedAt = 0;
  #failures = 0;
  #probing = false;

  constructor(private readonly options: BreakerOptions) {}

  get state(): CircuitState {
    if (!this.#open) return "closed";
    return Date.now() - this.#openedAt >= this.options.openMs ? "half-open" : "open";
  }

  /** Runs fn unless the circuit is open; a rejection, or a result isFailure flags, counts against the downstream. */
  async run<T>(fn: () => Promise<T>, isFailure: (result: T) => boolean = () => false): Promise<T> {
    const state = this.state;
    // Half-open lets exactly one probe through; the others fail fast as if still open.
    if (state === "open" || (state === "half-open" && this.#probing)) throw new CircuitOpenError();
    if (state === "half-open") this.#probing = true;
    try {
      const result = await fn();
      if (isFailure(result)) this.#failure(); else this.#success();
      return result;
    } catch (error) {
      this.#failure();
      throw error;
    } finally {
      if (state === "half-open") this.#probing = false;
    }
  }

  #success(): void {
    this.#open = false;
    this.#failures = 0;
  }

  #failure(): void {
    this.#failures++;
    // A failed probe opens it again at once, for a fresh openMs.
    if (this.#open) return;
    if (this.#failures >= this.options.failureThreshold) {
      this.#open = true;
      this.#openedAt = Date.now();
    }
  }
}
