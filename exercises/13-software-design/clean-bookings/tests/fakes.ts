import type { Booking } from "../domain";
import type { BookingRepository, Clock, IdGenerator } from "../ports";

/** The test's own adapters: if the use cases run on these, they depend on the ports and nothing else. */
export class FakeBookings implements BookingRepository {
  readonly saved: Booking[] = [];
  readonly rows = new Map<string, Booking>();

  async findById(id: string) {
    const b = this.rows.get(id);
    return b ? structuredClone(b) : null;
  }
  async findOverlapping(roomId: string, start: Date, end: Date) {
    return [...this.rows.values()].filter((b) => b.roomId === roomId && !b.cancelledAt && b.start < end && start < b.end);
  }
  async listActive(roomId: string) {
    return [...this.rows.values()].filter((b) => b.roomId === roomId && !b.cancelledAt).sort((a, b) => +a.start - +b.start);
  }
  async save(booking: Booking) {
    this.saved.push(structuredClone(booking));
    this.rows.set(booking.id, structuredClone(booking));
  }
}

export const clockAt = (iso: string): Clock & { set(iso: string): void } => {
  let now = new Date(iso);
  return { now: () => new Date(now), set: (next) => { now = new Date(next); } };
};

export const sequentialIds = (prefix = "bk"): IdGenerator => {
  let n = 0;
  return { next: () => `${prefix}-${++n}` };
};

export const at = (iso: string) => new Date(iso);
