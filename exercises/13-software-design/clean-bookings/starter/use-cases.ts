import { cancelBooking, newBooking, type Booking } from "./domain";
import { BookingError } from "./errors";
import type { BookingRepository, Clock, IdGenerator } from "./ports";

export interface BookingService {
  book(command: { roomId: string; owner: string; start: Date; end: Date }): Promise<Booking>;
  cancel(command: { bookingId: string; by: string }): Promise<Booking>;
  listRoom(roomId: string): Promise<Booking[]>;
}

/** The application layer: orchestrates domain rules and ports. It imports no adapter. */
export function makeBookingService(deps: { bookings: BookingRepository; clock: Clock; ids: IdGenerator }): BookingService {
  // TODO
  void cancelBooking, newBooking, BookingError;
  throw new Error("not implemented");
}
