/** A sliding window: at most `limit` takes per key in any `windowMs`. */
export class RateLimiter {
  constructor(private readonly limit: number, private readonly windowMs = 3_600_000) {}

  /** Records a take at `now` and returns true, or returns false and records nothing. */
  tryTake(key: string, now: number): boolean {
    // TODO
    throw new Error("not implemented: RateLimiter.tryTake");
  }
}
