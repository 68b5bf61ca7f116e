-- Greenhouse temperature readings, one every five minutes. gh-1's values cycle 20, 21, 22, 23
-- (by the reading's five-minute slot since 1970); its radio was down from 01:00 to 01:30 UTC.

CREATE TABLE readings (
  sensor_id text             NOT NULL,
  at        timestamptz      NOT NULL,
  value     double precision NOT NULL,
  PRIMARY KEY (sensor_id, at)
);

CREATE TABLE readings_hourly (
  sensor_id text             NOT NULL,
  hour      timestamptz      NOT NULL,
  count     int              NOT NULL,
  sum       double precision NOT NULL,
  min       double precision NOT NULL,
  max       double precision NOT NULL,
  PRIMARY KEY (sensor_id, hour)
);

INSERT INTO readings (sensor_id, at, value)
SELECT 'gh-1', ts, 20 + (extract(epoch FROM ts)::bigint / 300) % 4
FROM generate_series(timestamptz '2024-03-01 00:00+00', timestamptz '2024-03-01 02:55+00', interval '5 minutes') AS ts
WHERE NOT (ts >= timestamptz '2024-03-01 01:00+00' AND ts < timestamptz '2024-03-01 01:30+00');

INSERT INTO readings (sensor_id, at, value) VALUES
  ('gh-2', '2024-03-01 00:10+00', 5),
  ('gh-2', '2024-03-01 00:20+00', 7);
