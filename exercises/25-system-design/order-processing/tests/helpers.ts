import { expect } from "vitest";
import { createDb, type Db } from "@roadlab/db";
import { createNetwork, type Network } from "@roadlab/net";
import { createApp } from "../app";
import { onePool } from "../pool";
import { createProvider, type Provider } from "../provider";

export interface World {
  db: Db;
  net: Network;
  provider: Provider;
  /** POST /orders as `client` (none when "") with an Idempotency-Key (none when undefined). */
  order(key: string | undefined, body: unknown, client?: string): Promise<Reply>;
  send(method: string, path: string): Promise<Reply>;
}

export interface Reply { status: number; headers: Headers; body: any }

/** Short enough that a lost answer is given up on quickly, long enough for a loaded machine. */
export const TIMEOUT_MS = 150;

/**
 * The first `n` calls on the database wait until all `n` have been made. Racing requests then start
 * their database work together, in either runtime, instead of one finishing before the other's body is read.
 */
function together(db: Db, n: number): Db {
  let arrived = 0;
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const wait = async () => {
    if (arrived >= n) return;
    arrived += 1;
    if (arrived === n) open();
    await gate;
  };
  return {
    query: async (sql, params) => (await wait(), db.query(sql, params)),
    exec: async (sql) => (await wait(), db.exec(sql)),
    transaction: async (fn) => (await wait(), db.transaction(fn)),
  };
}

export async function world(options: { together?: number } = {}): Promise<World> {
  const db = await createDb();
  const net = createNetwork();
  const provider = createProvider();
  net.serve("payments", provider.fetch);
  const app = createApp({ db: together(onePool(db), options.together ?? 0), fetch: net.fetch, paymentTimeoutMs: TIMEOUT_MS });
  const reply = async (res: Response): Promise<Reply> => {
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text === "" ? null : JSON.parse(text) };
  };
  return {
    db,
    net,
    provider,
    async order(key, body, client = "shop-web") {
      const headers: Record<string, string> = { "content-type": "application/json" };
      if (client !== "") headers["x-client-id"] = client;
      if (key !== undefined) headers["idempotency-key"] = key;
      return reply(await app.request("/orders", { method: "POST", headers, body: typeof body === "string" ? body : JSON.stringify(body) }));
    },
    async send(method, path) {
      return reply(await app.request(path, { method }));
    },
  };
}

export const stockOf = async (db: Db, id: number) =>
  (await db.query<{ stock: number }>("SELECT stock FROM products WHERE id = $1", [id])).rows[0]!.stock;

export const count = async (db: Db, table: string) =>
  Number((await db.query<{ n: unknown }>(`SELECT count(*) AS n FROM ${table}`)).rows[0]!.n);

/** Every posting has two or more entries summing to zero, and the whole ledger sums to zero. */
export async function expectBalanced(db: Db): Promise<void> {
  const { rows } = await db.query<{ id: number; n: unknown; total: unknown }>(
    "SELECT p.id, count(e.id) AS n, COALESCE(SUM(e.amount_cents), 0) AS total FROM postings p LEFT JOIN entries e ON e.posting_id = p.id GROUP BY p.id",
  );
  for (const row of rows) {
    expect(Number(row.total), `posting ${row.id} sums to zero`).toBe(0);
    expect(Number(row.n), `posting ${row.id} has two or more entries`).toBeGreaterThanOrEqual(2);
  }
  const all = await db.query<{ total: unknown }>("SELECT COALESCE(SUM(amount_cents), 0) AS total FROM entries");
  expect(Number(all.rows[0]!.total)).toBe(0);
}

/** The signed entries the ledger holds for one order, by posting memo. */
export async function entriesOf(db: Db, orderId: number) {
  const { rows } = await db.query<{ memo: string; account: string; amount_cents: unknown }>(
    "SELECT p.memo, e.account, e.amount_cents FROM postings p JOIN entries e ON e.posting_id = p.id WHERE p.order_id = $1 ORDER BY e.id",
    [orderId],
  );
  return rows.map((r) => ({ memo: r.memo, account: r.account, amountCents: Number(r.amount_cents) }));
}
