import { createDb } from "@roadlab/db";
import { beforeEach, describe, expect, it } from "vitest";
import { createApp } from "../http";
import { InMemoryBookingRepository } from "../memory-repository";
import { PostgresBookingRepository } from "../postgres-repository";
import { makeBookingService } from "../use-cases";
import { clockAt, sequentialIds } from "./fakes";

let app: ReturnType<typeof createApp>;
beforeEach(() => {
  const service = makeBookingService({ bookings: new InMemoryBookingRepository(), clock: clockAt("2030-05-06T08:00:00Z"), ids: sequentialIds() });
  app = createApp(service);
});

const send = (method: string, path: string, user?: string, body?: unknown) =>
  app.request(path, {
    method,
    headers: { "content-type": "application/json", ...(user ? { "x-user": user } : {}) },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
const slot = (start: string, end: string, roomId = "atlas") => ({ roomId, start: `2030-05-06T${start}:00.000Z`, end: `2030-05-06T${end}:00.000Z` });
const codeIn = async (res: Response) => ((await res.json()) as { error: { code: string } }).error.code;

describe("the HTTP adapter", () => {
  it("books with POST /bookings: 201 and the booking as JSON, owned by X-User", async () => {
    const res = await send("POST", "/bookings", "ada", slot("09:00", "10:00"));
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ id: "bk-1", roomId: "atlas", owner: "ada", start: "2030-05-06T09:00:00.000Z", end: "2030-05-06T10:00:00.000Z", cancelledAt: null });
  });

  it("answers 401 UNAUTHENTICATED without an X-User header, on every route", async () => {
    for (const res of [await send("POST", "/bookings", undefined, slot("09:00", "10:00")), await send("GET", "/rooms/atlas/bookings"), await send("POST", "/bookings/bk-1/cancel")]) {
      expect(res.status).toBe(401);
      expect(await codeIn(res)).toBe("UNAUTHENTICATED");
    }
  });

  it("answers 400 BAD_REQUEST for a body that is not JSON or lacks a field", async () => {
    for (const body of ["{not json", { roomId: "atlas", start: "2030-05-06T09:00:00Z" }, { roomId: "", start: "a", end: "b" }, { roomId: 7, start: "a", end: "b" }]) {
      const res = await send("POST", "/bookings", "ada", body);
      expect(res.status).toBe(400);
      expect(await codeIn(res)).toBe("BAD_REQUEST");
    }
  });

  it("turns broken rules into 422, 409, 403 and 404 with the domain's code", async () => {
    const expectError = async (res: Response, status: number, code: string) => {
      expect(res.status).toBe(status);
      expect(await codeIn(res)).toBe(code);
    };
    await expectError(await send("POST", "/bookings", "ada", slot("09:00", "09:10")), 422, "INVALID_DURATION");
    await expectError(await send("POST", "/bookings", "ada", slot("07:00", "07:30")), 422, "IN_THE_PAST");
    await expectError(await send("POST", "/bookings", "ada", { roomId: "atlas", start: "soon", end: "later" }), 422, "INVALID_TIME");
    const { id } = (await (await send("POST", "/bookings", "ada", slot("09:00", "10:00"))).json()) as { id: string };
    await expectError(await send("POST", "/bookings", "bob", slot("09:30", "10:30")), 409, "ROOM_TAKEN");
    await expectError(await send("POST", `/bookings/${id}/cancel`, "bob"), 403, "NOT_OWNER");
    await expectError(await send("POST", "/bookings/bk-404/cancel", "ada"), 404, "BOOKING_NOT_FOUND");
  });

  it("cancels with POST /bookings/:id/cancel and lists a room with GET /rooms/:roomId/bookings", async () => {
    await send("POST", "/bookings", "ada", slot("11:00", "12:00"));
    await send("POST", "/bookings", "bob", slot("09:00", "10:00"));
    const cancel = await send("POST", "/bookings/bk-1/cancel", "ada");
    expect(cancel.status).toBe(200);
    expect(await cancel.json()).toMatchObject({ id: "bk-1", cancelledAt: "2030-05-06T08:00:00.000Z" });
    const list = await send("GET", "/rooms/atlas/bookings", "cy");
    expect(list.status).toBe(200);
    expect(((await list.json()) as { bookings: { id: string }[] }).bookings.map((b) => b.id)).toEqual(["bk-2"]);
  });

  it("runs the same use cases on Postgres, wired at the edge", async () => {
    const db = await createDb();
    const pg = createApp(makeBookingService({ bookings: new PostgresBookingRepository(db), clock: clockAt("2030-05-06T08:00:00Z"), ids: sequentialIds("pg") }));
    const res = await pg.request("/bookings", { method: "POST", headers: { "x-user": "ada", "content-type": "application/json" }, body: JSON.stringify(slot("09:00", "10:00")) });
    expect(res.status).toBe(201);
    const taken = await pg.request("/bookings", { method: "POST", headers: { "x-user": "bob", "content-type": "application/json" }, body: JSON.stringify(slot("09:45", "10:15")) });
    expect(taken.status).toBe(409);
    expect((await db.query("SELECT id, owner FROM bookings")).rows).toEqual([{ id: "pg-1", owner: "ada" }]);
  });
});
