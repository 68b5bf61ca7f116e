-- The bookings table the Postgres adapter maps to. The domain never sees these column names.
CREATE TABLE bookings (
  id           text        PRIMARY KEY,
  room_id      text        NOT NULL,
  owner        text        NOT NULL,
  starts_at    timestamptz NOT NULL,
  ends_at      timestamptz NOT NULL,
  cancelled_at timestamptz,
  CHECK (ends_at > starts_at)
);

CREATE INDEX bookings_active_room_idx ON bookings (room_id, starts_at) WHERE cancelled_at IS NULL;
