import { Hono } from "hono";
import { BookingError, type BookingErrorCode } from "./errors";
import type { BookingService } from "./use-cases";

const STATUS: Record<BookingErrorCode, 403 | 404 | 409 | 422> = {
  INVALID_TIME: 422,
  INVALID_DURATION: 422,
  IN_THE_PAST: 422,
  ROOM_TAKEN: 409,
  ALREADY_CANCELLED: 409,
  TOO_LATE_TO_CANCEL: 409,
  NOT_OWNER: 403,
  BOOKING_NOT_FOUND: 404,
};

type Env = { Variables: { user: string } };

/** Driving adapter: HTTP in, use cases called, domain errors translated to status codes. */
export function createApp(service: BookingService) {
  const app = new Hono<Env>();

  app.onError((error, c) => {
    if (error instanceof BookingError) return c.json({ error: { code: error.code } }, STATUS[error.code]);
    return c.json({ error: { code: "INTERNAL" } }, 500);
  });

  app.use("*", async (c, next) => {
    const user = c.req.header("x-user")?.trim();
    if (!user && c.req.method === "POST") return c.json({ error: { code: "UNAUTHENTICATED" } }, 401);
    c.set("user", user ?? "");
    await next();
  });

  app.post("/bookings", async (c) => {
    const body: unknown = await c.req.json().catch(() => undefined);
    const { roomId, start, end } = (body ?? {}) as Record<string, unknown>;
    if (typeof roomId !== "string" || roomId === "" || typeof start !== "string" || typeof end !== "string") {
      return c.json({ error: { code: "BAD_REQUEST" } }, 400);
    }
    const booking = await service.book({ roomId, owner: c.get("user"), start: new Date(start), end: new Date(end) });
    return c.json(booking, 201);
  });

  app.post("/bookings/:id/cancel", async (c) => c.json(await service.cancel({ bookingId: c.req.param("id"), by: c.get("user") })));

  app.get("/rooms/:roomId/bookings", async (c) => c.json({ bookings: await service.listRoom(c.req.param("roomId")) }));

  return app;
}
