import { Hono, type Context } from "hono";
import type { Caller, Data, InvoiceRow } from "./data";

export const MAX_LIMIT = 100;
export const DEFAULT_LIMIT = 20;
/** Requests per API key per one-second window. */
export const RATE_LIMIT = 10;

/** What a caller may see of an invoice: never the card number, only its last four digits. */
export function toPublic(row: InvoiceRow) {
  return { id: row.id, amountCents: row.amountCents, status: row.status, note: row.note, cardLast4: row.cardNumber.slice(-4) };
}

type Env = { Variables: { caller: Caller } };
const EDITABLE = new Set(["note"]);

export function createApp(data: Data) {
  const app = new Hono<Env>();
  const windows = new Map<string, { start: number; count: number }>();

  app.use("*", async (c, next) => {
    const key = /^Bearer (\S+)$/.exec(c.req.header("Authorization") ?? "")?.[1];
    const caller = key === undefined ? undefined : data.apiKeys.get(key);
    if (!key || !caller) return c.json({ error: "unauthenticated" }, 401);
    // Fixed one-second window per key: cheap, and enough to stop one key draining the service.
    const now = data.now();
    const window = windows.get(key);
    if (!window || now - window.start >= 1000) windows.set(key, { start: now, count: 1 });
    else if (++window.count > RATE_LIMIT) {
      c.header("Retry-After", String(Math.ceil((window.start + 1000 - now) / 1000)));
      return c.json({ error: "rate_limited" }, 429);
    }
    c.set("caller", caller);
    await next();
  });

  /** The row if this caller may see it. Someone else's invoice is "not found", like a missing one. */
  const visible = (c: Context<Env>, id: string) => {
    const row = data.invoices.get(id);
    const caller = c.get("caller");
    return row && (row.ownerId === caller.userId || caller.role === "support") ? row : undefined;
  };

  app.get("/invoices", (c) => {
    const raw = c.req.query("limit") ?? String(DEFAULT_LIMIT);
    if (!/^[1-9][0-9]{0,2}$/.test(raw) || Number(raw) > MAX_LIMIT) return c.json({ error: "invalid_limit" }, 400);
    const caller = c.get("caller");
    const rows = [...data.invoices.values()].filter((row) => row.ownerId === caller.userId);
    return c.json({ invoices: rows.slice(0, Number(raw)).map(toPublic) });
  });

  app.get("/invoices/:id", (c) => {
    const row = data.invoices.get(c.req.param("id"));
    return row ? c.json(toPublic(row)) : c.json({ error: "not_found" }, 404);
  });

  app.patch("/invoices/:id", async (c) => {
    const row = visible(c, c.req.param("id"));
    if (!row) return c.json({ error: "not_found" }, 404);
    const body: unknown = await c.req.json().catch(() => null);
    if (!body || typeof body !== "object" || Array.isArray(body)) return c.json({ error: "invalid_body" }, 400);
    const fields = Object.entries(body);
    // An allow-list, not a deny-list: a field added to the table later is not writable by accident.
    if (fields.some(([name]) => !EDITABLE.has(name))) return c.json({ error: "field_not_editable" }, 400);
    const note = (body as { note?: unknown }).note;
    if (note !== undefined && (typeof note !== "string" || note.length > 500)) return c.json({ error: "invalid_body" }, 400);
    if (typeof note === "string") row.note = note;
    return c.json(toPublic(row));
  });

  return app;
}
