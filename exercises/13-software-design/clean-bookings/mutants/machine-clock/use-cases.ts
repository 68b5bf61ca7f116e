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
  const { bookings, clock, ids } = deps;
  return {
    async book(command) {
      const booking = newBooking({ id: ids.next(), ...command }, new Date());
      const clashes = await bookings.findOverlapping(booking.roomId, booking.start, booking.end);
      if (clashes.length > 0) throw new BookingError("ROOM_TAKEN", `${booking.roomId} is taken by ${clashes[0].id}`);
      await bookings.save(booking);
      return booking;
    },

    async cancel({ bookingId, by }) {
      const booking = await bookings.findById(bookingId);
      if (!booking) throw new BookingError("BOOKING_NOT_FOUND", `no booking ${bookingId}`);
      const cancelled = cancelBooking(booking, by, clock.now());
      await bookings.save(cancelled);
      return cancelled;
    },

    listRoom: (roomId) => bookings.listActive(roomId),
  };
}
