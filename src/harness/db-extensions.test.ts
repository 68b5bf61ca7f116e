import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pgliteDataDir, readDataDir } from "../runtime/node/pglite-data-dir";
import { closeDb, configureDb, createDb } from "./db";
import { checkExtensions, extensionsIn } from "./db-extensions";

const seed = `
  CREATE EXTENSION IF NOT EXISTS pg_trgm;
  CREATE TABLE products (id serial PRIMARY KEY, name text NOT NULL);
  CREATE INDEX products_name_trgm ON products USING gin (name gin_trgm_ops);
  INSERT INTO products (name) VALUES ('keyboard'), ('mouse'), ('monitor');
`;

describe("createDb({ extensions })", () => {
  beforeAll(async () => configureDb({ seed, loadDataDir: await readDataDir(await pgliteDataDir()) }));
  afterAll(() => closeDb());

  it("loads an extension the seed creates, before seeding", async () => {
    const db = await createDb();
    const { rows } = await db.query<{ name: string }>("SELECT name FROM products WHERE name % 'keybord' ORDER BY similarity(name, 'keybord') DESC");
    expect(rows.map((r) => r.name)).toEqual(["keyboard"]);
  });

  it("gives pgmq queues whose messages come back after the visibility timeout", async () => {
    const db = await createDb({ extensions: ["pgmq", "pgcrypto"] });
    await db.query("SELECT pgmq.create('jobs')");
    await db.query(`SELECT pgmq.send('jobs', '{"n": 1}')`);
    const first = await db.query<{ msg_id: number; read_ct: number }>("SELECT msg_id, read_ct FROM pgmq.read('jobs', 0, 1)");
    expect(first.rows).toHaveLength(1);
    // vt 0 s: invisible for no time, so the same message is delivered again, counted twice.
    const again = await db.query<{ read_ct: number }>("SELECT read_ct FROM pgmq.read('jobs', 30, 1)");
    expect(again.rows[0].read_ct).toBe(2);
    const hidden = await db.query("SELECT * FROM pgmq.read('jobs', 30, 1)");
    expect(hidden.rows).toHaveLength(0);
    const { rows } = await db.query<{ hash: string }>("SELECT encode(digest('abc', 'sha256'), 'hex') AS hash");
    expect(rows[0].hash).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  it("starts the next test without the queue the last one made, still with the seed's extension", async () => {
    const db = await createDb({ extensions: ["pgmq"] });
    const queues = await db.query("SELECT queue_name FROM pgmq.list_queues()");
    expect(queues.rows).toEqual([]);
    expect((await db.query("SELECT count(*)::int AS n FROM products")).rows).toEqual([{ n: 3 }]);
    await expect(db.query("SELECT digest('abc', 'sha256')")).rejects.toThrow(/digest/);
  });

  it("gives pg_stat_statements emptied for each test", async () => {
    let db = await createDb({ extensions: ["pg_stat_statements"] });
    await db.query("SELECT name FROM products WHERE id = $1", [1]);
    const seen = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_stat_statements WHERE query LIKE '%FROM products WHERE id%'");
    expect(seen.rows[0].n).toBe(1);
    db = await createDb({ extensions: ["pg_stat_statements"] });
    const fresh = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_stat_statements WHERE query LIKE '%FROM products WHERE id%'");
    expect(fresh.rows[0].n).toBe(0);
  });

  it("gives Apache AGE graphs queried with Cypher", async () => {
    const db = await createDb({ extensions: ["age"] });
    await db.exec(`SET search_path = ag_catalog, "$user", public; SELECT create_graph('social');`);
    await db.exec(`SELECT * FROM cypher('social', $$ CREATE (:Person {name: 'Ada'})-[:KNOWS]->(:Person {name: 'Grace'}) $$) AS (v agtype);`);
    const { rows } = await db.query<{ name: string }>(`SELECT * FROM cypher('social', $$ MATCH (:Person {name: 'Ada'})-[:KNOWS]->(p) RETURN p.name $$) AS (name agtype)`);
    expect(rows.map((r) => String(r.name))).toEqual(['"Grace"']);
    const next = await createDb({ extensions: ["age"] });
    const graphs = await next.query("SELECT name FROM ag_catalog.ag_graph");
    expect(graphs.rows).toEqual([]);
  });

  it("gives a BM25 index with pg_textsearch", async () => {
    const db = await createDb({ extensions: ["pg_textsearch"] });
    await db.exec(`
      CREATE TABLE docs (id int PRIMARY KEY, body text);
      INSERT INTO docs VALUES (1, 'the quick brown fox'), (2, 'a lazy dog sleeps'), (3, 'fox and fox again');
      CREATE INDEX docs_bm25 ON docs USING bm25 (body) WITH (text_config = 'english');`);
    const { rows } = await db.query<{ id: number }>("SELECT id FROM docs ORDER BY body <@> 'fox' LIMIT 2");
    expect(rows.map((r) => r.id).sort()).toEqual([1, 3]);
  });
});

describe("extension names", () => {
  it("finds the extensions a seed creates", () => {
    expect(extensionsIn(`create extension if not exists "pg_trgm"; CREATE EXTENSION pgmq;`)).toEqual(["pg_trgm", "pgmq"]);
  });

  it("rejects an unknown name with the nearest known one", () => {
    expect(() => checkExtensions(["pg_trgrm"])).toThrow(/unknown extension "pg_trgrm".*did you mean "pg_trgm"/);
  });

  it("refuses the pair PGlite cannot start with", () => {
    expect(() => checkExtensions(["pg_stat_statements", "pg_textsearch"])).toThrow(/cannot be loaded together/);
  });
});
