import { beforeEach, describe, expect, it } from "vitest";
import { createDb, type Db } from "@roadlab/db";
import { compact, rollup } from "../series";

let db: Db;
let statements: number;
let counted: Db;
beforeEach(async () => {
  db = await createDb();
  statements = 0;
  counted = { query: (sql, params) => (statements++, db.query(sql, params)), exec: (sql) => (statements++, db.exec(sql)), transaction: (fn) => db.transaction(fn) };
});

const t = (hhmm: string) => new Date(`2024-03-01T${hhmm}:00Z`);
const sixAvg = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

async function hourly() {
  const { rows } = await db.query(`SELECT sensor_id, hour, count, sum, min, max FROM readings_hourly ORDER BY sensor_id, hour`);
  return rows;
}
const rawCount = async () => ((await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM readings`)).rows[0].n);

describe("rollup", () => {
  it("summarises each bucket: count, avg, min and max", async () => {
    const buckets = await rollup(counted, "gh-1", t("00:00"), t("01:00"), 30);
    expect(buckets.map(({ start, count, min, max }) => ({ start, count, min, max }))).toEqual([
      { start: t("00:00"), count: 6, min: 20, max: 23 },
      { start: t("00:30"), count: 6, min: 20, max: 23 },
    ]);
    expect(buckets[0].avg).toBeCloseTo(sixAvg([20, 21, 22, 23, 20, 21]), 9);
    expect(buckets[1].avg).toBeCloseTo(sixAvg([22, 23, 20, 21, 22, 23]), 9);
    expect(statements).toBe(1);
  });

  it("fills a gap with an empty bucket: count 0 and null avg, min and max", async () => {
    const buckets = await rollup(db, "gh-1", t("00:30"), t("02:00"), 30);
    expect(buckets.map((b) => b.start)).toEqual([t("00:30"), t("01:00"), t("01:30")]);
    expect(buckets[1]).toEqual({ start: t("01:00"), count: 0, avg: null, min: null, max: null });
    expect(buckets[2].count).toBe(6);
  });

  it("has exactly (to − from) / bucket buckets, and leaves out a reading at `to`", async () => {
    const buckets = await rollup(db, "gh-1", t("00:00"), t("00:10"), 5);
    expect(buckets).toEqual([
      { start: t("00:00"), count: 1, avg: 20, min: 20, max: 20 },
      { start: t("00:05"), count: 1, avg: 21, min: 21, max: 21 },
    ]);
  });

  it("starts buckets at `from`, not on the hour", async () => {
    const buckets = await rollup(db, "gh-1", t("00:10"), t("00:40"), 15);
    expect(buckets.map(({ start, min, max, count }) => ({ start, min, max, count }))).toEqual([
      { start: t("00:10"), count: 3, min: 20, max: 23 },
      { start: t("00:25"), count: 3, min: 21, max: 23 },
    ]);
    expect(buckets[0].avg).toBeCloseTo(65 / 3, 9);
  });

  it("reads only the sensor asked for", async () => {
    expect(await rollup(db, "gh-2", t("00:00"), t("01:00"), 60)).toEqual([{ start: t("00:00"), count: 2, avg: 6, min: 5, max: 7 }]);
    expect(await rollup(db, "gh-9", t("00:00"), t("00:10"), 5)).toEqual([
      { start: t("00:00"), count: 0, avg: null, min: null, max: null },
      { start: t("00:05"), count: 0, avg: null, min: null, max: null },
    ]);
  });

  it("rejects bad bucket sizes and ranges with INVALID, sending nothing", async () => {
    for (const [from, to, minutes] of [
      [t("00:00"), t("01:00"), 0],
      [t("00:00"), t("01:00"), 1.5],
      [t("00:00"), new Date("2024-03-03T00:00:00Z"), 1441],
      [t("01:00"), t("01:00"), 5],
      [t("01:00"), t("00:00"), 5],
      [t("00:00"), t("00:12"), 5],
      [t("00:00"), new Date("2024-03-02T00:00:00Z"), 1],
    ] as const) {
      await expect(rollup(counted, "gh-1", from, to, minutes)).rejects.toMatchObject({ code: "INVALID" });
    }
    expect(statements).toBe(0);
    expect(await rollup(db, "gh-1", t("00:00"), new Date("2024-03-02T00:00:00Z"), 1440)).toHaveLength(1);
  });
});

describe("compact", () => {
  it("turns readings before the cut-off into hourly summaries and deletes them", async () => {
    expect(await compact(db, t("01:30"))).toBe(14);
    expect(await hourly()).toEqual([
      { sensor_id: "gh-1", hour: t("00:00"), count: 12, sum: 258, min: 20, max: 23 },
      { sensor_id: "gh-2", hour: t("00:00"), count: 2, sum: 12, min: 5, max: 7 },
    ]);
    expect(await rawCount()).toBe(18);
    expect(await rollup(db, "gh-1", t("00:00"), t("01:00"), 60)).toEqual([{ start: t("00:00"), count: 0, avg: null, min: null, max: null }]);
  });

  it("merges into an hour already summarised", async () => {
    expect(await compact(db, t("00:30"))).toBe(8);
    expect(await compact(db, t("01:00"))).toBe(6);
    expect(await hourly()).toEqual([
      { sensor_id: "gh-1", hour: t("00:00"), count: 12, sum: 258, min: 20, max: 23 },
      { sensor_id: "gh-2", hour: t("00:00"), count: 2, sum: 12, min: 5, max: 7 },
    ]);
    expect(await compact(db, t("01:00"))).toBe(0);
  });

  it("keeps nothing of a compaction whose delete failed, and can run again after", async () => {
    const failDelete = <T extends { query: Db["query"] }>(inner: T): T => ({
      ...inner,
      query: (sql: string, params?: unknown[]) => (/^\s*delete\b/i.test(sql) ? Promise.reject(new Error("disk full")) : inner.query(sql, params)),
    });
    const broken: Db = { ...failDelete(db), transaction: (fn) => db.transaction((tx) => fn(failDelete(tx))) };
    await expect(compact(broken, t("01:30"))).rejects.toThrow();
    expect(await hourly()).toEqual([]);
    expect(await rawCount()).toBe(32);
    expect(await compact(db, t("01:30"))).toBe(14);
  });
});
