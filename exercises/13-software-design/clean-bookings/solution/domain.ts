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
const MINUTE = 60_000;

/** Half-open intervals: a booking ending at 10:00 does not clash with one starting at 10:00. */
export const overlaps = (a: { start: Date; end: Date }, b: { start: Date; end: Date }) =>
  a.start.getTime() < b.end.getTime() && b.start.getTime() < a.end.getTime();

export function newBooking(input: Omit<Booking, "cancelledAt">, now: Date): Booking {
  const start = input.start.getTime();
  const end = input.end.getTime();
  if (Number.isNaN(start) || Number.isNaN(end) || end <= start) {
    throw new BookingError("INVALID_TIME", "expected two valid times, the end after the start");
  }
  const minutes = (end - start) / MINUTE;
  if (minutes < MIN_MINUTES || minutes > MAX_MINUTES) {
    throw new BookingError("INVALID_DURATION", `expected ${MIN_MINUTES}–${MAX_MINUTES} minutes, found ${minutes}`);
  }
  if (start < now.getTime()) throw new BookingError("IN_THE_PAST", "the booking starts before now");
  return { ...input, start: new Date(start), end: new Date(end), cancelledAt: null };
}

export function cancelBooking(booking: Booking, by: string, now: Date): Booking {
  if (booking.owner !== by) throw new BookingError("NOT_OWNER", `only ${booking.owner} may cancel this booking`);
  if (booking.cancelledAt) throw new BookingError("ALREADY_CANCELLED", "the booking is already cancelled");
  if (booking.start.getTime() - now.getTime() < CANCEL_NOTICE_MINUTES * MINUTE) {
    throw new BookingError("TOO_LATE_TO_CANCEL", `cancel at least ${CANCEL_NOTICE_MINUTES} minutes before the start`);
  }
  return { ...booking, cancelledAt: new Date(now.getTime()) };
}
