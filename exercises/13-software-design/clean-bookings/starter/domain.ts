import { BookingError } from "./errors";

/** The entity. Plain data: no ORM base class, no HTTP types, nothing that knows where it is stored. */
export interface Booking {
  id: string;
  roomId: string;
  owner: string;
  start: Date;
  end: Date;
  cancelledAt: Date | null;
}

export const MIN_MINUTES = 15;
export const MAX_MINUTES = 240;
export const CANCEL_NOTICE_MINUTES = 60;

/** Half-open intervals: a booking ending at 10:00 does not clash with one starting at 10:00. */
export function overlaps(a: { start: Date; end: Date }, b: { start: Date; end: Date }): boolean {
  // TODO
  throw new Error("not implemented");
}

/** A new, valid booking (INVALID_TIME, INVALID_DURATION, IN_THE_PAST otherwise). */
export function newBooking(input: Omit<Booking, "cancelledAt">, now: Date): Booking {
  // TODO
  void BookingError;
  throw new Error("not implemented");
}

/** The booking, cancelled by `by` at `now` (NOT_OWNER, ALREADY_CANCELLED, TOO_LATE_TO_CANCEL otherwise). */
export function cancelBooking(booking: Booking, by: string, now: Date): Booking {
  // TODO
  throw new Error("not implemented");
}
