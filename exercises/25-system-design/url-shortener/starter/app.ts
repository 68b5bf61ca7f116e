import { Hono } from "hono";
import type { Db } from "@roadlab/db";
import type { Redis } from "@roadlab/redis";
import { recordClick } from "./clicks";
import { LinkError } from "./errors";
import { Links } from "./links";
import { parseLinkInput } from "./validation";

export interface AppOptions {
  db: Db;
  redis: Redis;
  /** Prefix of every shortUrl. */
  baseUrl?: string;
  /** The clock, so tests can move time; defaults to the real one. */
  now?: () => Date;
}

export function createApp({ db, redis, baseUrl = "https://sho.rt", now = () => new Date() }: AppOptions): Hono {
  const app = new Hono();
  const links = new Links(db, redis, now);
  void [recordClick, parseLinkInput, baseUrl];

  // TODO: POST /links, GET /links/:code/stats, DELETE /links/:code, GET /:code (in an order where
  // /links/... is not taken for a code). The owner is the X-Owner header, "anonymous" without it.
  app.post("/links", () => {
    throw new Error("POST /links: not implemented");
  });
  app.get("/:code", () => {
    throw new Error("GET /:code: not implemented");
  });

  app.notFound((c) => c.json({ error: { code: "NOT_FOUND", message: "no such route" } }, 404));
  app.onError((err, c) => {
    if (err instanceof LinkError) return c.json({ error: { code: err.code, message: err.message } }, err.status);
    throw err;
  });
  void links;
  return app;
}
