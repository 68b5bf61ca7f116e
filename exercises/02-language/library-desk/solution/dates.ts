import { LibraryError } from "./errors";

const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` → days since 1970-01-01 (UTC), so loan periods are whole calendar days. */
export function toDay(date: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const ms = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : NaN;
  if (!match || new Date(ms).toISOString().slice(0, 10) !== date) throw new LibraryError("INVALID", `not a date: ${date}`);
  return ms / DAY_MS;
}

export function fromDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}
