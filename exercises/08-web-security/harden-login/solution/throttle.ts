/**
 * Counts failures per key. After `limit` failures in a row the key is locked for `lockMs`,
 * counted from the failure that reached the limit; a success (reset) clears the count.
 */
export class Throttle {
  readonly #failures = new Map<string, { count: number; lockedUntil: number }>();

  constructor(readonly limit: number, readonly lockMs: number) {}

  /** Seconds until `key` may try again (rounded up), or 0 when it may try now. */
  retryAfter(key: string, now: number): number {
    const entry = this.#failures.get(key);
    if (!entry || entry.lockedUntil === 0) return 0;
    if (now >= entry.lockedUntil) {
      this.#failures.delete(key); // the lock has run out: a fresh start
      return 0;
    }
    return Math.ceil((entry.lockedUntil - now) / 1000);
  }

  fail(key: string, now: number): void {
    const entry = this.#failures.get(key) ?? { count: 0, lockedUntil: 0 };
    entry.count += 1;
    if (entry.count >= this.limit) entry.lockedUntil = now + this.lockMs;
    this.#failures.set(key, entry);
  }

  reset(key: string): void {
    this.#failures.delete(key);
  }
}
