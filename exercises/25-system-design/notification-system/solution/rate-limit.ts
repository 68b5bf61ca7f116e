/** A sliding-window log: at most `limit` takes per key in any `windowMs`. */
export class RateLimiter {
  private readonly taken = new Map<string, number[]>();

  constructor(private readonly limit: number, private readonly windowMs = 3_600_000) {}

  /** Records a take at `now` and returns true, or returns false and records nothing. */
  tryTake(key: string, now: number): boolean {
    const recent = (this.taken.get(key) ?? []).filter((at) => now - at < this.windowMs);
    const allowed = recent.length < this.limit;
    if (allowed) recent.push(now);
    this.taken.set(key, recent);
    return allowed;
  }
}
