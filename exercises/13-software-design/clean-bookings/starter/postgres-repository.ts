import type { Db } from "@roadlab/db";
import type { Booking } from "./domain";
import type { BookingRepository } from "./ports";

/** Driven adapter: the only file that knows SQL and column names (see seed.sql). */
export class PostgresBookingRepository implements BookingRepository {
  constructor(private readonly db: Db) {}

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
