import { Hono } from "hono";
import type { Caller, Data, InvoiceRow } from "./data";

// The API as it shipped. Every route works, and an API security review found four problems (README.md).

/** TODO: what a caller may see of an invoice. */
export function toPublic(row: InvoiceRow) {
  return row;
}

type Env = { Variables: { caller: Caller } };

export function createApp(data: Data) {
  const app = new Hono<Env>();

  app.use("*", async (c, next) => {
    const key = /^Bearer (\S+)$/.exec(c.req.header("Authorization") ?? "")?.[1];
    const caller = key === undefined ? undefined : data.apiKeys.get(key);
    if (!key || !caller) return c.json({ error: "unauthenticated" }, 401);
    // TODO: a rate limit per key
    c.set("caller", caller);
    await next();
  });

  app.get("/invoices", (c) => {
    const limit = Number(c.req.query("limit") ?? 20); // TODO: validate and cap
    const rows = [...data.invoices.values()].filter((row) => row.ownerId === c.get("caller").userId);
    return c.json({ invoices: rows.slice(0, limit).map(toPublic) });
  });

  app.get("/invoices/:id", (c) => {
    const row = data.invoices.get(c.req.param("id")); // TODO: who may see it?
    return row ? c.json(toPublic(row)) : c.json({ error: "not_found" }, 404);
  });

  app.patch("/invoices/:id", async (c) => {
    const row = data.invoices.get(c.req.param("id"));
    if (!row) return c.json({ error: "not_found" }, 404);
    Object.assign(row, await c.req.json()); // TODO: which fields may a caller change?
    return c.json(toPublic(row));
  });

  return app;
}
