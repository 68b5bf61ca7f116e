import type { Db } from "@roadlab/db";
import { SeriesError } from "./errors";

export interface Bucket {
  start: Date;
  count: number;
  avg: number | null;
  min: number | null;
  max: number | null;
}

const MINUTE = 60_000;

/** Every bucket of `bucketMinutes` from `from` (inclusive) to `to` (exclusive), empty ones included. */
export async function rollup(db: Db, sensorId: string, from: Date, to: Date, bucketMinutes: number): Promise<Bucket[]> {
  if (!Number.isInteger(bucketMinutes) || bucketMinutes < 1 || bucketMinutes > 1440) throw new SeriesError("bucketMinutes: expected an integer from 1 to 1440");
  const span = to.getTime() - from.getTime();
  const buckets = span / (bucketMinutes * MINUTE);
  if (!(span > 0) || !Number.isInteger(buckets)) throw new SeriesError("to: expected a whole number of buckets after from");
  if (buckets > 1000) throw new SeriesError("to: at most 1000 buckets");
  const { rows } = await db.query<Bucket>(
    `WITH buckets AS (
       SELECT generate_series($2::timestamptz, $3::timestamptz - make_interval(mins => $4), make_interval(mins => $4)) AS start
     ),
     binned AS (
       SELECT date_bin(make_interval(mins => $4), at, $2::timestamptz) AS start, value
       FROM readings
       WHERE sensor_id = $1 AND at >= $2 AND at < $3
     )
     SELECT b.start, count(r.value)::int AS count, avg(r.value) AS avg, min(r.value) AS min, max(r.value) AS max
     FROM buckets b JOIN binned r ON r.start = b.start
     GROUP BY b.start
     ORDER BY b.start`,
    [sensorId, from, to, bucketMinutes],
  );
  return rows;
}

/**
 * Downsampling for retention: raw readings before `before` become hourly summaries (merged with
 * any already there), then go. Both steps commit together or not at all.
 */
export async function compact(db: Db, before: Date): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO readings_hourly (sensor_id, hour, count, sum, min, max)
       SELECT sensor_id, date_bin('1 hour', at, timestamptz '2000-01-01 00:00+00'), count(*), sum(value), min(value), max(value)
       FROM readings WHERE at < $1
       GROUP BY 1, 2
       ON CONFLICT (sensor_id, hour) DO UPDATE SET
         count = readings_hourly.count + EXCLUDED.count,
         sum = readings_hourly.sum + EXCLUDED.sum,
         min = least(readings_hourly.min, EXCLUDED.min),
         max = greatest(readings_hourly.max, EXCLUDED.max)`,
      [before],
    );
    const { affectedRows } = await tx.query(`DELETE FROM readings WHERE at < $1`, [before]);
    return affectedRows ?? 0;
  });
}
