import { beforeEach, describe, expect, it } from "vitest";
import { BookingError } from "../errors";
import { makeBookingService, type BookingService } from "../use-cases";
import { at, clockAt, FakeBookings, sequentialIds } from "./fakes";

let bookings: FakeBookings;
let clock: ReturnType<typeof clockAt>;
let service: BookingService;
beforeEach(() => {
  bookings = new FakeBookings();
  clock = clockAt("2030-05-06T08:00:00Z");
  service = makeBookingService({ bookings, clock, ids: sequentialIds() });
});

const book = (start: string, end: string, roomId = "atlas", owner = "ada") => service.book({ roomId, owner, start: at(start), end: at(end) });
async function codeOf(run: () => Promise<unknown>) {
  try { await run(); } catch (e) { expect(e).toBeInstanceOf(BookingError); return (e as BookingError).code; }
  return undefined;
}

describe("booking a room", () => {
  it("saves a new booking through the repository port, with an id from the id port", async () => {
    const booking = await book("2030-05-06T09:00:00Z", "2030-05-06T10:00:00Z");
    const expected = { id: "bk-1", roomId: "atlas", owner: "ada", start: at("2030-05-06T09:00:00Z"), end: at("2030-05-06T10:00:00Z"), cancelledAt: null };
    expect(booking).toEqual(expected);
    expect(bookings.saved).toEqual([expected]);
  });

  it("accepts 15 minutes to 4 hours and refuses anything else", async () => {
    expect(await codeOf(() => book("2030-05-06T09:00:00Z", "2030-05-06T09:14:00Z"))).toBe("INVALID_DURATION");
    expect(await codeOf(() => book("2030-05-06T09:00:00Z", "2030-05-06T13:01:00Z"))).toBe("INVALID_DURATION");
    await book("2030-05-06T09:00:00Z", "2030-05-06T09:15:00Z");
    await book("2030-05-06T10:00:00Z", "2030-05-06T14:00:00Z");
    expect(bookings.saved).toHaveLength(2);
  });

  it("refuses an end before the start and times that are not times", async () => {
    expect(await codeOf(() => book("2030-05-06T10:00:00Z", "2030-05-06T09:00:00Z"))).toBe("INVALID_TIME");
    expect(await codeOf(() => book("2030-05-06T10:00:00Z", "2030-05-06T10:00:00Z"))).toBe("INVALID_TIME");
    expect(await codeOf(() => book("not a time", "2030-05-06T10:00:00Z"))).toBe("INVALID_TIME");
  });

  it("asks the clock port what 'now' is, not the machine", async () => {
    expect(await codeOf(() => book("2030-05-06T07:59:00Z", "2030-05-06T09:00:00Z"))).toBe("IN_THE_PAST");
    clock.set("2030-05-06T07:00:00Z");
    await book("2030-05-06T07:59:00Z", "2030-05-06T09:00:00Z");
    await book("2030-05-06T07:00:00Z", "2030-05-06T07:30:00Z", "zeta");
    expect(bookings.saved).toHaveLength(2);
  });

  it("refuses an overlapping booking of the same room, and saves nothing", async () => {
    await book("2030-05-06T09:00:00Z", "2030-05-06T10:00:00Z");
    expect(await codeOf(() => book("2030-05-06T09:30:00Z", "2030-05-06T10:30:00Z", "atlas", "bob"))).toBe("ROOM_TAKEN");
    expect(await codeOf(() => book("2030-05-06T08:30:00Z", "2030-05-06T11:00:00Z", "atlas", "bob"))).toBe("ROOM_TAKEN");
    expect(bookings.saved).toHaveLength(1);
  });

  it("allows back-to-back bookings, other rooms, and the slot of a cancelled booking", async () => {
    const first = await book("2030-05-06T09:00:00Z", "2030-05-06T10:00:00Z");
    await book("2030-05-06T10:00:00Z", "2030-05-06T11:00:00Z", "atlas", "bob");
    await book("2030-05-06T09:00:00Z", "2030-05-06T10:00:00Z", "zeta", "bob");
    await service.cancel({ bookingId: first.id, by: "ada" });
    await book("2030-05-06T09:00:00Z", "2030-05-06T10:00:00Z", "atlas", "cy");
    expect((await service.listRoom("atlas")).map((b) => b.owner)).toEqual(["cy", "bob"]);
  });
});

describe("cancelling", () => {
  it("marks the booking cancelled at the clock's time and saves it", async () => {
    const b = await book("2030-05-06T10:00:00Z", "2030-05-06T11:00:00Z");
    clock.set("2030-05-06T09:00:00Z");
    const cancelled = await service.cancel({ bookingId: b.id, by: "ada" });
    expect(cancelled).toEqual({ ...b, cancelledAt: at("2030-05-06T09:00:00Z") });
    expect(bookings.saved.at(-1)).toEqual(cancelled);
  });

  it("lets only the owner cancel, once, and at least an hour before the start", async () => {
    const b = await book("2030-05-06T10:00:00Z", "2030-05-06T11:00:00Z");
    expect(await codeOf(() => service.cancel({ bookingId: b.id, by: "mallory" }))).toBe("NOT_OWNER");
    clock.set("2030-05-06T09:00:01Z");
    expect(await codeOf(() => service.cancel({ bookingId: b.id, by: "ada" }))).toBe("TOO_LATE_TO_CANCEL");
    clock.set("2030-05-06T09:00:00Z");
    await service.cancel({ bookingId: b.id, by: "ada" });
    expect(await codeOf(() => service.cancel({ bookingId: b.id, by: "ada" }))).toBe("ALREADY_CANCELLED");
    expect(await codeOf(() => service.cancel({ bookingId: "bk-404", by: "ada" }))).toBe("BOOKING_NOT_FOUND");
  });
});
