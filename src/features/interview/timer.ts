/** Timer arithmetic of the candidate page, free of clocks so tests pass the time in. */

/** Milliseconds left, or undefined for an untimed task; never below zero. */
export function timeLeft(startedAtMs: number, minutes: number | null, now: number): number | undefined {
  if (minutes === null) return undefined;
  return Math.max(0, startedAtMs + minutes * 60_000 - now);
}

/** `h:mm:ss` or `m:ss`, counting whole seconds (a countdown shows 0:00 only when time is up). */
export function formatClock(ms: number, roundUp = false): string {
  const total = roundUp ? Math.ceil(ms / 1000) : Math.floor(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${s}` : `${m}:${s}`;
}

/** The warning due with `left` ms to go: at 5 and at 1 minute, each only if the limit is longer. */
export function warningFor(left: number | undefined, minutes: number | null): string | undefined {
  if (left === undefined || minutes === null || left <= 0) return undefined;
  if (left <= 60_000 && minutes > 1) return "1 minute left: your work is submitted automatically when time is up.";
  if (left <= 5 * 60_000 && minutes > 5) return "5 minutes left.";
  return undefined;
}
