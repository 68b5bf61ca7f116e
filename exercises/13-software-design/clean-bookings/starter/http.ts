import { Hono } from "hono";
import { BookingError } from "./errors";
import type { BookingService } from "./use-cases";

/** Driving adapter: HTTP in, use cases called, domain errors translated to status codes. */
export function createApp(service: BookingService) {
  const app = new Hono();
  // TODO: X-User check, POST /bookings, POST /bookings/:id/cancel, GET /rooms/:roomId/bookings, error mapping.
  void service, BookingError;
  return app;
}
