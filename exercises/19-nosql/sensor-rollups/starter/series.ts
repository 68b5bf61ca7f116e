import type { Db } from "@roadlab/db";
import { SeriesError } from "./errors";

export interface Bucket {
  start: Date;
  count: number;
  avg: number | null;
  min: number | null;
  max: number | null;
}

/** Every bucket of `bucketMinutes` from `from` (inclusive) to `to` (exclusive), empty ones included. One statement. */
export async function rollup(db: Db, sensorId: string, from: Date, to: Date, bucketMinutes: number): Promise<Bucket[]> {
  // TODO: validate (SeriesError), then generate_series for the buckets LEFT JOIN the binned readings
  throw new Error("not implemented");
}

/** Raw readings before `before` become hourly summaries, merged with any already there, then are deleted. */
export async function compact(db: Db, before: Date): Promise<number> {
  // TODO: INSERT … SELECT … ON CONFLICT DO UPDATE, then DELETE, in one transaction
  throw new Error("not implemented");
}
