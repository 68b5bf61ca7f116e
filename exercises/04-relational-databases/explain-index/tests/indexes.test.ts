import { describe, it, expect, beforeEach } from "vitest";
import { createDb, type Db } from "@roadlab/db";
import { createIndexes, findPendingOrders, findRecentOrders } from "../main";

let db: Db;
beforeEach(async () => {
  db = await createDb();
});

// ---------------------------------------------------------------------------------------------
// What the answers must be: the same queries, written here without any concern for speed.

async function expectedRecent(customerId: number, limit: number) {
  const { rows } = await db.query(
    `SELECT id, status, total_cents AS "totalCents", created_at AS "createdAt"
       FROM orders WHERE customer_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2`,
    [customerId, limit],
  );
  return rows;
}

async function expectedPending(limit: number) {
  const { rows } = await db.query(
    `SELECT id, customer_id AS "customerId", total_cents AS "totalCents", created_at AS "createdAt"
       FROM orders WHERE status = 'pending' ORDER BY created_at, id LIMIT $1`,
    [limit],
  );
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Plans: record the SQL the learner's function sends, then ask Postgres how it would run it.

interface Sent {
  sql: string;
  params?: unknown[];
}

/** A Db that remembers every statement sent through it. */
function recording(inner: Db): { db: Db; sent: Sent[] } {
  const sent: Sent[] = [];
  const db: Db = {
    query: (sql, params) => {
      sent.push({ sql, params });
      return inner.query(sql, params);
    },
    exec: (sql) => {
      sent.push({ sql });
      return inner.exec(sql);
    },
    transaction: (fn) => inner.transaction(fn),
  };
  return { db, sent };
}

/** The SELECT on orders that `run` sent (the last one, if several). */
async function capture(run: (db: Db) => Promise<unknown>): Promise<Sent> {
  const spy = recording(db);
  await run(spy.db);
  const selects = spy.sent.filter((s) => /^\s*(select|with)\b/i.test(s.sql) && /\borders\b/i.test(s.sql));
  expect(selects.length, "the function should send a SELECT … FROM orders through db.query").toBeGreaterThan(0);
  const last = selects[selects.length - 1];
  return { sql: last.sql.trim().replace(/;\s*$/, ""), params: last.params };
}

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  "Index Cond"?: string;
  Plans?: PlanNode[];
}

interface Explained {
  nodes: PlanNode[];
  /** The plan as EXPLAIN prints it, for failure messages. */
  text: string;
}

async function explain({ sql, params }: Sent): Promise<Explained> {
  const json = await db.query<{ "QUERY PLAN": { Plan: PlanNode }[] }>(`EXPLAIN (FORMAT JSON) ${sql}`, params);
  const text = await db.query<{ "QUERY PLAN": string }>(`EXPLAIN ${sql}`, params);
  const nodes: PlanNode[] = [];
  const walk = (node: PlanNode) => {
    nodes.push(node);
    node.Plans?.forEach(walk);
  };
  walk(json.rows[0]["QUERY PLAN"][0].Plan);
  return { nodes, text: `\n${text.rows.map((r) => r["QUERY PLAN"]).join("\n")}\n` };
}

/** The first key column (or expression) of an index, and its WHERE predicate if it is partial. */
async function indexShape(name: string): Promise<{ firstKey: string; predicate: string | null }> {
  const { rows } = await db.query<{ firstKey: string; predicate: string | null }>(
    `SELECT pg_get_indexdef(i.indexrelid, 1, true) AS "firstKey",
            pg_get_expr(i.indpred, i.indrelid) AS predicate
       FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
      WHERE c.relname = $1`,
    [name],
  );
  return rows[0];
}

const INDEX_SCANS = ["Index Scan", "Index Only Scan"];

/** Asserts no Seq Scan and no Sort, and returns the index scans on orders with their shapes. */
async function expectIndexedWithoutSort(plan: Explained) {
  const types = plan.nodes.map((n) => n["Node Type"]);
  expect(
    types,
    `the plan has no Limit: without LIMIT in the SQL the database must produce (and sort) every matching row:${plan.text}`,
  ).toContain("Limit");
  expect(types, `the plan still reads the whole table (Seq Scan):${plan.text}`).not.toContain("Seq Scan");
  expect(
    types.filter((t) => /sort/i.test(t)),
    `the plan still has a sort step: the index must already deliver rows in ORDER BY order, tie-breaker included:${plan.text}`,
  ).toEqual([]);
  const scans = plan.nodes.filter((n) => INDEX_SCANS.includes(n["Node Type"]) && n["Relation Name"] === "orders");
  expect(scans.length, `expected an Index Scan or Index Only Scan on orders:${plan.text}`).toBeGreaterThan(0);
  return Promise.all(scans.map(async (n) => ({ node: n, shape: await indexShape(n["Index Name"]!) })));
}

/** Runs the learner's migration, then refreshes the planner's statistics as a deploy would. */
async function migrate() {
  await createIndexes(db);
  await db.exec("ANALYZE orders");
}

async function orderIndexes(): Promise<string[]> {
  const { rows } = await db.query<{ def: string }>(
    `SELECT pg_get_indexdef(i.indexrelid) AS def
       FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
      WHERE t.relname = 'orders' AND NOT i.indisprimary
      ORDER BY 1`,
  );
  return rows.map((r) => r.def);
}

// ---------------------------------------------------------------------------------------------

describe("findRecentOrders: results", () => {
  it("returns the customer's 10 newest orders, newest first, with camelCase fields", async () => {
    const recent = await findRecentOrders(db, 7, 10);
    expect(recent).toEqual(await expectedRecent(7, 10));
    expect(recent).toHaveLength(10);
    expect(Object.keys(recent[0]).sort()).toEqual(["createdAt", "id", "status", "totalCents"]);
    expect(recent[0].createdAt).toBeInstanceOf(Date);
  });

  it("breaks ties on created_at by the higher id", async () => {
    // Customer 42 placed orders 20001–20003 in the same minute, the newest minute of all.
    const recent = await findRecentOrders(db, 42, 4);
    expect(recent.map((o) => o.id).slice(0, 3)).toEqual([20003, 20002, 20001]);
    expect(recent).toEqual(await expectedRecent(42, 4));
  });

  it("returns fewer rows when the customer has fewer orders, and [] for an unknown customer", async () => {
    await db.query("INSERT INTO customers (id, name) VALUES (201, 'New Customer')");
    await db.query(
      `INSERT INTO orders (customer_id, status, total_cents, created_at, shipping_address) VALUES
         (201, 'paid', 1200, '2024-01-02 10:00:00+00', 'x'),
         (201, 'pending', 800, '2024-01-03 10:00:00+00', 'x')`,
    );
    const recent = await findRecentOrders(db, 201, 50);
    expect(recent.map((o) => [o.status, o.totalCents])).toEqual([
      ["pending", 800],
      ["paid", 1200],
    ]);
    expect(await findRecentOrders(db, 999, 10)).toEqual([]);
  });

  it.each([0, -1, 1.5, 51, Number.NaN])("throws a RangeError for limit %s", async (limit) => {
    await expect(findRecentOrders(db, 7, limit)).rejects.toBeInstanceOf(RangeError);
  });
});

describe("findPendingOrders: results", () => {
  it("returns the oldest pending orders first", async () => {
    const pending = await findPendingOrders(db, 20);
    expect(pending).toEqual(await expectedPending(20));
    expect(pending).toHaveLength(20);
    expect(Object.keys(pending[0]).sort()).toEqual(["createdAt", "customerId", "id", "totalCents"]);
  });

  it.each([0, 51, 2.5])("throws a RangeError for limit %s", async (limit) => {
    await expect(findPendingOrders(db, limit)).rejects.toBeInstanceOf(RangeError);
  });
});

describe("createIndexes", () => {
  it("adds one or two indexes to orders, and can run a second time", async () => {
    await createIndexes(db);
    const first = await orderIndexes();
    expect(first.length, `indexes on orders besides the primary key:\n${first.join("\n")}`).toBeGreaterThanOrEqual(1);
    expect(
      first.length,
      `every index slows down every INSERT: two are enough here, found:\n${first.join("\n")}`,
    ).toBeLessThanOrEqual(2);

    await createIndexes(db); // a migration that is re-run must not fail (IF NOT EXISTS)
    expect(await orderIndexes()).toEqual(first);
  });

  it.each([
    [7, 10],
    [42, 20],
    [150, 1],
  ])(
    "lets findRecentOrders(%s, %s) walk an index on (customer_id, …) with no Seq Scan and no sort",
    async (customerId, limit) => {
      await migrate();
      const plan = await explain(await capture((spy) => findRecentOrders(spy, customerId, limit)));
      const scans = await expectIndexedWithoutSort(plan);
      expect(
        scans.map((s) => s.shape.firstKey),
        `the index should start with the column the query compares with "=":${plan.text}`,
      ).toContain("customer_id");
    },
  );

  it("lets findPendingOrders walk an index that knows about status, with no Seq Scan and no sort", async () => {
    await migrate();
    const plan = await explain(await capture((spy) => findPendingOrders(spy, 20)));
    const scans = await expectIndexedWithoutSort(plan);
    const aware = scans.filter((s) => /status/.test(s.shape.firstKey) || /status/.test(s.shape.predicate ?? ""));
    expect(
      aware.length,
      `the index scan should narrow by status (as a key column or a partial index's WHERE), not read every order:${plan.text}`,
    ).toBeGreaterThan(0);
  });

  it("leaves the planner settings alone (no enable_seqscan = off tricks)", async () => {
    await migrate();
    await findRecentOrders(db, 7, 10);
    await findPendingOrders(db, 10);
    const { rows } = await db.query<{ name: string }>(
      "SELECT name FROM pg_settings WHERE name LIKE 'enable\\_%' AND setting <> boot_val ORDER BY name",
    );
    expect(rows.map((r) => r.name)).toEqual([]);
  });

  it("keeps the answers the same with the indexes, and the indexes keep up with new orders", async () => {
    await migrate();
    expect(await findRecentOrders(db, 42, 20)).toEqual(await expectedRecent(42, 20));
    expect(await findPendingOrders(db, 50)).toEqual(await expectedPending(50));

    // Every INSERT now also updates the indexes: the new rows must show up at once.
    const { rows } = await db.query<{ id: number }>(
      `INSERT INTO orders (customer_id, status, total_cents, created_at, shipping_address) VALUES
         (42, 'paid', 4200, '2024-02-01 12:00:00+00', 'x'),
         (42, 'pending', 100, '2022-06-01 12:00:00+00', 'x')
       RETURNING id`,
    );
    const [newest, oldestPending] = rows.map((r) => r.id);
    expect((await findRecentOrders(db, 42, 1)).map((o) => o.id)).toEqual([newest]);
    expect((await findPendingOrders(db, 1)).map((o) => o.id)).toEqual([oldestPending]);
  });
});
