/**
 * `@roadlab/db` — what hidden tests import to get a Postgres in the exercise's seeded state.
 *
 *   let db: Db;
 *   beforeEach(async () => { db = await createDb(); });
 *
 * PGlite starts once per test file (seconds); each later `createDb()` only resets it (milliseconds).
 * The runtime that runs the tests calls `configureDb` first with the exercise's seed.sql.
 */
import { PGlite, type Results, type Transaction } from "@electric-sql/pglite";
import { dropUserSchemas, installHarness, resetAndRestore, seedAndSnapshot } from "./db-state";

/** The part of PGlite learner code gets: enough to query, never enough to close it. */
export interface Db {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Results<T>>;
  exec(sql: string): Promise<Results[]>;
  transaction<T>(fn: (tx: Transaction) => Promise<T>): Promise<T>;
}

export type { Results, Transaction };

export interface DbOptions {
  /** The exercise's seed.sql; empty for a blank database. */
  seed?: string;
  /** A gzipped data directory taken after initdb, so start-up skips it (seconds saved). */
  loadDataDir?: Blob;
  /** PGlite's wasm, compiled while the data directory downloads; PGlite fetches it itself otherwise. */
  pgliteWasmModule?: WebAssembly.Module;
  /** PGlite's pglite.data bundle, fetched alongside; PGlite fetches it itself otherwise. */
  fsBundle?: Blob;
}

interface Instance {
  pg: PGlite;
  /** The seed the snapshot came from; a worker reused across exercises reseeds when it changes. */
  seed: string;
}

let options: DbOptions = {};
let instance: Promise<Instance> | undefined;
/** PGlite started (harness installed) but not seeded yet: `startDb` before the seed is known. */
let started: Promise<PGlite> | undefined;

/** Sets the seed (and start-up snapshot) for later `createDb()` calls; a running instance is reseeded, not restarted. */
export function configureDb(next: DbOptions): void {
  options = next;
}

/** A database in the seeded state. One per test: each call resets the same underlying instance. */
export async function createDb(): Promise<Db> {
  const current = await (instance ??= boot());
  await reset(current);
  return facade(current.pg);
}

/**
 * Starts PGlite with the options configured so far, before the seed is known: the first
 * `createDb()`/`warmDb()` then only seeds it.
 */
export function startDb(): void {
  if (instance || started) return;
  started = startPg();
  // Its failure is reported by the `createDb()`/`warmDb()` that takes it over.
  started.catch(() => {});
}

/** Starts (or reseeds) PGlite ahead of the first test, so the first `createDb()` does not pay for it. */
export async function warmDb(): Promise<void> {
  await reseedIfChanged(await (instance ??= boot()));
}

/** The database as the last test left it, without a reset: what a SQL console works on. */
export async function currentDb(): Promise<Db> {
  const current = await (instance ??= boot());
  await reseedIfChanged(current);
  return facade(current.pg);
}

export async function closeDb(): Promise<void> {
  const current = instance;
  const unseeded = started;
  instance = undefined;
  started = undefined;
  if (current) await (await current).pg.close();
  else if (unseeded) await (await unseeded).close();
}

async function startPg(): Promise<PGlite> {
  const { loadDataDir, pgliteWasmModule, fsBundle } = options;
  const pg = new PGlite({ ...(loadDataDir && { loadDataDir }), ...(pgliteWasmModule && { pgliteWasmModule }), ...(fsBundle && { fsBundle }) });
  await pg.waitReady;
  await installHarness(pg);
  return pg;
}

async function boot(): Promise<Instance> {
  const pg = await (started ?? startPg());
  started = undefined;
  const seed = options.seed ?? "";
  await seedAndSnapshot(pg, seed);
  return { pg, seed };
}

async function reseedIfChanged(current: Instance): Promise<void> {
  const seed = options.seed ?? "";
  if (current.seed === seed) return;
  await reseed(current, seed);
}

async function reseed(current: Instance, seed: string): Promise<void> {
  await current.pg.exec("ROLLBACK; RESET ALL;");
  await dropUserSchemas(current.pg);
  await seedAndSnapshot(current.pg, seed);
  current.seed = seed;
}

async function reset(current: Instance): Promise<void> {
  const seed = options.seed ?? "";
  if (current.seed !== seed) return reseed(current, seed);
  if (!(await resetAndRestore(current.pg))) await reseed(current, seed);
}

function facade(pg: PGlite): Db {
  let inTransaction = false;
  // PGlite has one connection: a query through `db` while `db.transaction` holds it waits for
  // the transaction, which waits for the query — forever. Say so instead of hanging.
  const outside = <T>(run: () => Promise<T>): Promise<T> =>
    inTransaction
      ? Promise.reject(new Error("db.query/db.exec called inside db.transaction(...): use the `tx` the callback receives"))
      : run();
  return {
    query: (sql, params) => outside(() => pg.query(sql, params)),
    exec: (sql) => outside(() => pg.exec(sql)),
    async transaction(fn) {
      if (inTransaction) throw new Error("db.transaction(...) called inside another: PGlite has no nested transactions; use tx");
      inTransaction = true;
      try {
        return await pg.transaction(fn);
      } finally {
        inTransaction = false;
      }
    },
  };
}
