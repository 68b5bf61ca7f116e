import { PGlite } from "@electric-sql/pglite";
import { readFileSync } from "node:fs";
const seed = readFileSync(process.env.SEED ?? "exercises/04-relational-databases/explain-index/seed.sql", "utf8");
const Q = `SELECT id, customer_id AS "customerId", status, total_cents AS "totalCents", created_at AS "createdAt"
  FROM orders WHERE customer_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2`;
const P = `SELECT id, customer_id AS "customerId", total_cents AS "totalCents", created_at AS "createdAt"
  FROM orders WHERE status = 'pending' ORDER BY created_at, id LIMIT $1`;
function summarize(plan) {
  const out = [];
  const walk = (n, depth) => {
    out.push("  ".repeat(depth) + n["Node Type"] + (n["Scan Direction"] && n["Scan Direction"] !== "Forward" ? ` ${n["Scan Direction"]}` : "") + (n["Index Name"] ? ` [${n["Index Name"]}]` : "") + (n["Index Cond"] ? ` cond=${n["Index Cond"]}` : "") + (n["Filter"] ? ` filter=${n["Filter"]}` : "") + ` cost=${n["Total Cost"]}`);
    for (const c of n.Plans ?? []) walk(c, depth + 1);
  };
  walk(plan[0].Plan, 1);
  return out.join("\n");
}
const setups = {
  none: [],
  cust: ["CREATE INDEX ON orders (customer_id)"],
  cust_created: ["CREATE INDEX ON orders (customer_id, created_at DESC)"],
  cust_created_id: ["CREATE INDEX ON orders (customer_id, created_at DESC, id DESC)"],
  cust_created_id_asc: ["CREATE INDEX ON orders (customer_id, created_at, id)"],
  created_cust: ["CREATE INDEX ON orders (created_at, id, customer_id)"],
  status: ["CREATE INDEX ON orders (status)"],
  status_created: ["CREATE INDEX ON orders (status, created_at, id)"],
  partial: ["CREATE INDEX ON orders (created_at, id) WHERE status = 'pending'"],
  covering: ["CREATE INDEX ON orders (customer_id, created_at DESC, id DESC) INCLUDE (status, total_cents)"],
};
let t = Date.now();
const pg = new PGlite(); await pg.waitReady;
console.log("boot", Date.now() - t); t = Date.now();
await pg.exec(seed);
console.log("seed", Date.now() - t);
const analyze = process.argv[2] !== "noanalyze";
for (const [name, ddl] of Object.entries(setups)) {
  await pg.exec("BEGIN");
  for (const s of ddl) await pg.exec(s);
  if (analyze) await pg.exec("ANALYZE orders");
  console.log(`== ${name}`);
  for (const [cust, lim] of (process.env.CASES ? JSON.parse(process.env.CASES) : [[42, 10], [7, 100], [500, 1]])) {
    const r = await pg.query(`EXPLAIN (FORMAT JSON) ${Q}`, [cust, lim]);
    console.log(` recent(${cust},${lim})\n` + summarize(r.rows[0]["QUERY PLAN"]));
  }
  const r = await pg.query(`EXPLAIN (FORMAT JSON) ${P}`, [20]);
  console.log(` pending(20)\n` + summarize(r.rows[0]["QUERY PLAN"]));
  await pg.exec("ROLLBACK");
}
