import { createDb, type Db } from "@roadlab/db";
import { beforeEach, describe, expect, it } from "vitest";
import type { Booking } from "../domain";
import { InMemoryBookingRepository } from "../memory-repository";
import type { BookingRepository } from "../ports";
import { PostgresBookingRepository } from "../postgres-repository";
import { at } from "./fakes";

let db: Db;
beforeEach(async () => {
  db = await createDb();
});

const booking = (id: string, roomId: string, start: string, end: string, cancelledAt: string | null = null): Booking => ({
  id, roomId, owner: "ada", start: at(start), end: at(end), cancelledAt: cancelledAt && at(cancelledAt),
});

const adapters: [string, () => BookingRepository][] = [
  ["InMemoryBookingRepository", () => new InMemoryBookingRepository()],
  ["PostgresBookingRepository", () => new PostgresBookingRepository(db)],
];

describe.each(adapters)("%s keeps the port's contract", (_name, make) => {
  it("saves, finds by id and replaces by id", async () => {
    const repo = make();
    const b = booking("b1", "atlas", "2030-05-06T09:00:00Z", "2030-05-06T10:00:00Z");
    await repo.save(b);
    expect(await repo.findById("b1")).toEqual(b);
    await repo.save({ ...b, cancelledAt: at("2030-05-06T08:00:00Z") });
    expect(await repo.findById("b1")).toEqual({ ...b, cancelledAt: at("2030-05-06T08:00:00Z") });
    expect(await repo.findById("nope")).toBeNull();
  });

  it("finds overlaps as half-open intervals, in one room, ignoring cancelled bookings", async () => {
    const repo = make();
    await repo.save(booking("b1", "atlas", "2030-05-06T09:00:00Z", "2030-05-06T10:00:00Z"));
    await repo.save(booking("b2", "atlas", "2030-05-06T11:00:00Z", "2030-05-06T12:00:00Z"));
    await repo.save(booking("b3", "atlas", "2030-05-06T10:00:00Z", "2030-05-06T11:00:00Z", "2030-05-01T00:00:00Z"));
    await repo.save(booking("b4", "zeta", "2030-05-06T10:00:00Z", "2030-05-06T11:00:00Z"));
    const ids = async (s: string, e: string) => (await repo.findOverlapping("atlas", at(s), at(e))).map((b) => b.id);
    expect(await ids("2030-05-06T10:00:00Z", "2030-05-06T11:00:00Z")).toEqual([]);
    expect(await ids("2030-05-06T09:59:00Z", "2030-05-06T11:01:00Z")).toEqual(["b1", "b2"]);
    expect(await ids("2030-05-06T08:00:00Z", "2030-05-06T13:00:00Z")).toEqual(["b1", "b2"]);
    expect(await ids("2030-05-06T09:15:00Z", "2030-05-06T09:45:00Z")).toEqual(["b1"]);
  });

  it("lists a room's active bookings by start time", async () => {
    const repo = make();
    await repo.save(booking("late", "atlas", "2030-05-07T09:00:00Z", "2030-05-07T10:00:00Z"));
    await repo.save(booking("early", "atlas", "2030-05-06T09:00:00Z", "2030-05-06T10:00:00Z"));
    await repo.save(booking("gone", "atlas", "2030-05-06T11:00:00Z", "2030-05-06T12:00:00Z", "2030-05-01T00:00:00Z"));
    await repo.save(booking("other", "zeta", "2030-05-06T09:00:00Z", "2030-05-06T10:00:00Z"));
    expect((await repo.listActive("atlas")).map((b) => b.id)).toEqual(["early", "late"]);
  });

  it("hands out copies: changing a found booking changes nothing stored", async () => {
    const repo = make();
    const b = booking("b1", "atlas", "2030-05-06T09:00:00Z", "2030-05-06T10:00:00Z");
    await repo.save(b);
    b.owner = "mallory";
    const found = (await repo.findById("b1"))!;
    found.start.setUTCHours(0);
    found.roomId = "zeta";
    expect(await repo.findById("b1")).toEqual(booking("b1", "atlas", "2030-05-06T09:00:00Z", "2030-05-06T10:00:00Z"));
  });
});

describe("PostgresBookingRepository", () => {
  it("stores bookings in the bookings table", async () => {
    const repo = new PostgresBookingRepository(db);
    await repo.save(booking("b1", "atlas", "2030-05-06T09:00:00Z", "2030-05-06T10:00:00Z"));
    await repo.save(booking("b1", "atlas", "2030-05-06T09:00:00Z", "2030-05-06T10:30:00Z", "2030-05-01T00:00:00Z"));
    const { rows } = await db.query<{ id: string; room_id: string; owner: string; ends_at: Date; cancelled_at: Date }>("SELECT * FROM bookings");
    expect(rows).toEqual([expect.objectContaining({ id: "b1", room_id: "atlas", owner: "ada", ends_at: at("2030-05-06T10:30:00Z"), cancelled_at: at("2030-05-01T00:00:00Z") })]);
  });

  it("treats a room id as data, never as SQL", async () => {
    const repo = new PostgresBookingRepository(db);
    await repo.save(booking("b1", "atlas", "2030-05-06T09:00:00Z", "2030-05-06T10:00:00Z"));
    expect(await repo.listActive("x' OR '1'='1")).toEqual([]);
    await repo.save(booking("b2", "it's", "2030-05-06T09:00:00Z", "2030-05-06T10:00:00Z"));
    expect((await repo.listActive("it's")).map((b) => b.id)).toEqual(["b2"]);
  });
});
