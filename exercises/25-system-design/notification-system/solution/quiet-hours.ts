import type { User } from "./types";

const DAY_MS = 86_400_000;
const formats = new Map<string, Intl.DateTimeFormat>();

function format(timeZone: string): Intl.DateTimeFormat {
  let found = formats.get(timeZone);
  if (!found) {
    found = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", hour: "2-digit", minute: "2-digit", second: "2-digit" });
    formats.set(timeZone, found);
  }
  return found;
}

/** Milliseconds since local midnight in `timeZone` at instant `at`. */
export function localTimeMs(at: number, timeZone: string): number {
  const parts = Object.fromEntries(format(timeZone).formatToParts(at).map((p) => [p.type, p.value]));
  return ((Number(parts.hour) * 60 + Number(parts.minute)) * 60 + Number(parts.second)) * 1000 + (at % 1000);
}

function parseClock(text: string): number {
  const [hours, minutes] = text.split(":").map(Number);
  return (hours * 60 + minutes) * 60_000;
}

/**
 * When the user's quiet hours end, as an instant, if `now` falls inside them; otherwise null.
 * The window is [start, end) on the user's wall clock and may wrap past midnight.
 */
export function quietHoursEnd(now: number, user: User): number | null {
  if (!user.quietHours) return null;
  const start = parseClock(user.quietHours.start);
  const end = parseClock(user.quietHours.end);
  const local = localTimeMs(now, user.timeZone);
  const inside = start <= end ? local >= start && local < end : local >= start || local < end;
  if (!inside) return null;
  let wait = end - local;
  if (wait <= 0) wait += DAY_MS;
  const guess = now + wait;
  // A DST change in the night moves the wall clock: 07:00 may be 7 or 9 hours after 23:00.
  let drift = localTimeMs(guess, user.timeZone) - end;
  if (drift > DAY_MS / 2) drift -= DAY_MS;
  if (drift < -DAY_MS / 2) drift += DAY_MS;
  return guess - drift;
}
