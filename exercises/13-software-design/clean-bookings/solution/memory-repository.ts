import { overlaps, type Booking } from "./domain";
import type { BookingRepository } from "./ports";

const copy = (b: Booking): Booking => ({
  ...b,
  start: new Date(b.start),
  end: new Date(b.end),
  cancelledAt: b.cancelledAt && new Date(b.cancelledAt),
});
const byStart = (a: Booking, b: Booking) => a.start.getTime() - b.start.getTime();

/** Driven adapter for tests and demos: the same contract as Postgres, in a Map. */
export class InMemoryBookingRepository implements BookingRepository {
  readonly #rows = new Map<string, Booking>();

  async findById(id: string) {
    const found = this.#rows.get(id);
    return found ? copy(found) : null;
  }

  async findOverlapping(roomId: string, start: Date, end: Date) {
    return this.#active(roomId).filter((b) => overlaps(b, { start, end })).map(copy);
  }

  async listActive(roomId: string) {
    return this.#active(roomId).map(copy);
  }

  async save(booking: Booking) {
    this.#rows.set(booking.id, copy(booking));
  }

  #active(roomId: string) {
    return [...this.#rows.values()].filter((b) => b.roomId === roomId && !b.cancelledAt).sort(byStart);
  }
}
