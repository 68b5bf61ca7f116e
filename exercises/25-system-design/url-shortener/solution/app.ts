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
  // Stands in for the authenticated user: one owner's links are theirs alone to delete.
  const ownerOf = (header: string | undefined) => header?.trim() || "anonymous";

  app.post("/links", async (c) => {
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      throw new LinkError("INVALID_JSON", "the body is not JSON");
    }
    const input = parseLinkInput(body, now());
    const { code, created } = await links.create(ownerOf(c.req.header("x-owner")), input);
    return c.json({ code, shortUrl: `${baseUrl}/${code}` }, created ? 201 : 200);
  });

  app.get("/links/:code/stats", async (c) => c.json(await links.stats(c.req.param("code"))));

  app.delete("/links/:code", async (c) => {
    await links.remove(ownerOf(c.req.header("x-owner")), c.req.param("code"));
    return c.body(null, 204);
  });

  // 302, not 301: a browser caches a 301 for good and never asks again, so no later click is counted.
  app.get("/:code", async (c) => {
    const code = c.req.param("code");
    const url = await links.resolve(code);
    await recordClick(redis, code);
    return c.redirect(url, 302);
  });

  app.notFound((c) => c.json({ error: { code: "NOT_FOUND", message: "no such route" } }, 404));
  app.onError((err, c) => {
    if (err instanceof LinkError) return c.json({ error: { code: err.code, message: err.message } }, err.status);
    throw err;
  });
  return app;
}
