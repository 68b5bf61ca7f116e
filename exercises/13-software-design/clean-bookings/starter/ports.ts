import type { Booking } from "./domain";

/** Driven port: where bookings live. The use cases depend on this, never on a database. */
export interface BookingRepository {
  findById(id: string): Promise<Booking | null>;
  /** Bookings of `roomId`, not cancelled, whose [start, end) overlaps [start, end). */
  findOverlapping(roomId: string, start: Date, end: Date): Promise<Booking[]>;
  /** Bookings of `roomId`, not cancelled, by start time. */
  listActive(roomId: string): Promise<Booking[]>;
  /** Inserts the booking, or replaces the one with the same id. */
  save(booking: Booking): Promise<void>;
}

/** Driven port: what time it is. Rules about "the past" and "too late" read it, never Date.now(). */
export interface Clock {
  now(): Date;
}

/** Driven port: new booking ids. */
export interface IdGenerator {
  next(): string;
}
