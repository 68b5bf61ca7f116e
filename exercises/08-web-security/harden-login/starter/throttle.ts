/**
 * Counts failures per key. After `limit` failures in a row the key is locked for `lockMs`,
 * counted from the failure that reached the limit; a success (reset) clears the count.
 */
export class Throttle {
  constructor(readonly limit: number, readonly lockMs: number) {}

  /** Seconds until `key` may try again (rounded up), or 0 when it may try now. */
  retryAfter(key: string, now: number): number {
    // TODO
    void [key, now];
    return 0;
  }

  fail(key: string, now: number): void {
    // TODO
    void [key, now];
  }

  reset(key: string): void {
    // TODO
    void key;
  }
}
