import type { Db } from "@roadlab/db";
import type { Booking } from "./domain";
import type { BookingRepository } from "./ports";

interface Row {
  id: string;
  room_id: string;
  owner: string;
  starts_at: Date;
  ends_at: Date;
  cancelled_at: Date | null;
}

const COLUMNS = "id, room_id, owner, starts_at, ends_at, cancelled_at";
const toBooking = (r: Row): Booking => ({
  id: r.id, roomId: r.room_id, owner: r.owner, start: r.starts_at, end: r.ends_at, cancelledAt: r.cancelled_at,
});

/** Driven adapter: the only file that knows SQL and column names. */
export class PostgresBookingRepository implements BookingRepository {
  constructor(private readonly db: Db) {}

  async findById(id: string) {
    const { rows } = await this.db.query<Row>(`SELECT ${COLUMNS} FROM bookings WHERE id = $1`, [id]);
    return rows[0] ? toBooking(rows[0]) : null;
  }

  async findOverlapping(roomId: string, start: Date, end: Date) {
    const { rows } = await this.db.query<Row>(
      `SELECT ${COLUMNS} FROM bookings
        WHERE room_id = $1 AND cancelled_at IS NULL AND starts_at < $3 AND ends_at > $2
        ORDER BY starts_at, id`,
      [roomId, start, end],
    );
    return rows.map(toBooking);
  }

  async listActive(roomId: string) {
    const { rows } = await this.db.query<Row>(
      `SELECT ${COLUMNS} FROM bookings WHERE room_id = $1 AND cancelled_at IS NULL ORDER BY starts_at, id`,
      [roomId],
    );
    return rows.map(toBooking);
  }

  async save(b: Booking) {
    await this.db.query(
      `INSERT INTO bookings (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (id) DO UPDATE SET room_id = EXCLUDED.room_id, owner = EXCLUDED.owner,
         starts_at = EXCLUDED.starts_at, ends_at = EXCLUDED.ends_at, cancelled_at = EXCLUDED.cancelled_at`,
      [b.id, b.roomId, b.owner, b.start, b.end, b.cancelledAt],
    );
  }
}
