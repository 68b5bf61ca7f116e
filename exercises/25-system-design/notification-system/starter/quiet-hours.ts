import type { User } from "./types";

/**
 * When the user's quiet hours end, as an instant (epoch ms), if `now` falls inside them;
 * otherwise null. Read the wall clock with Intl.DateTimeFormat in `user.timeZone`; the window
 * is [start, end) and may wrap past midnight.
 */
export function quietHoursEnd(now: number, user: User): number | null {
  // TODO
  throw new Error("not implemented: quietHoursEnd");
}
