/** A fixed-window counter per client: `limit` requests from the client's first one, for `windowMs`. */
export function createLimiter({ limit, windowMs }: { limit: number; windowMs: number }, now: () => number) {
  const windows = new Map<string, { start: number; count: number }>();
  return {
    /** Counts the request and returns 0, or returns the seconds to wait (at least 1) without counting it. */
    take(client: string): number {
      const t = now();
      let w = windows.get(client);
      if (!w || t >= w.start + windowMs) windows.set(client, (w = { start: t, count: 0 }));
      if (w.count >= limit) return Math.ceil(windowMs / 1000);
      w.count++;
      return 0;
    },
  };
}
