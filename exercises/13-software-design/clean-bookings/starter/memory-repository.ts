import type { Booking } from "./domain";
import type { BookingRepository } from "./ports";

/** Driven adapter for tests and demos: the same contract as Postgres, in a Map. */
export class InMemoryBookingRepository implements BookingRepository {
  async findById(id: string): Promise<Booking | null> {
    throw new Error("not implemented");
  }

  async findOverlapping(roomId: string, start: Date, end: Date): Promise<Booking[]> {
    throw new Error("not implemented");
  }

  async listActive(roomId: string): Promise<Booking[]> {
    throw new Error("not implemented");
  }

  async save(booking: Booking): Promise<void> {
    throw new Error("not implemented");
  }
}
