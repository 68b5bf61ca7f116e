export type BookingErrorCode =
  | "INVALID_TIME"
  | "INVALID_DURATION"
  | "IN_THE_PAST"
  | "ROOM_TAKEN"
  | "BOOKING_NOT_FOUND"
  | "NOT_OWNER"
  | "ALREADY_CANCELLED"
  | "TOO_LATE_TO_CANCEL";

/** A broken business rule. Adapters translate the code (HTTP status, exit code, …); the domain never does. */
export class BookingError extends Error {
  constructor(readonly code: BookingErrorCode, message: string) {
    super(message);
    this.name = "BookingError";
  }
}
