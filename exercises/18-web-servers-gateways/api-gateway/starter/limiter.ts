/** A fixed-window counter per client: `limit` requests from the client's first one, for `windowMs`. */
export function createLimiter({ limit, windowMs }: { limit: number; windowMs: number }, now: () => number) {
  return {
    /** Counts the request and returns 0, or returns the seconds to wait without counting it. */
    take(client: string): number {
      // TODO: see the README, step 3.
      void limit, windowMs, now;
      throw new Error(`not implemented: take(${client})`);
    },
  };
}
