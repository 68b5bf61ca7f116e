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
import { checkExtensions, compatible, createExtensionsSql, extensionsIn, loadExtensions, type ExtensionName } from "./db-extensions";

/** The part of PGlite learner code gets: enough to query, never enough to close it. */
export interface Db {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Results<T>>;
  exec(sql: string): Promise<Results[]>;
  transaction<T>(fn: (tx: Transaction) => Promise<T>): Promise<T>;
}

export type { Results, Transaction };
export type { ExtensionName };

/** What a test asks of its database. */
export interface CreateDbOptions {
  /**
   * Postgres extensions to create before the seed runs (pg_trgm, pgcrypto, pg_stat_statements,
   * pgmq, age, pg_textsearch, …). A seed's own `CREATE EXTENSION` loads it too, before the first
   * test; asking here for one PGlite has not loaded restarts it once (about half a second).
   */
  extensions?: ExtensionName[];
}

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
  /** Extensions PGlite loaded at start-up: asking for another means a restart. */
  loaded: ExtensionName[];
  /** Extensions created in the database, before the seed: part of the seeded state. */
  created: ExtensionName[];
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
export async function createDb(request: CreateDbOptions = {}): Promise<Db> {
  const wanted = wantedExtensions(request.extensions ?? []);
  const current = await withExtensions(wanted);
  await reset(current, wanted);
  return facade(current.pg);
}

function wantedExtensions(requested: readonly string[]): ExtensionName[] {
  if (!Array.isArray(requested)) throw new Error(`createDb({ extensions }): expected an array of names, got ${JSON.stringify(requested)}`);
  return checkExtensions([...extensionsIn(options.seed ?? ""), ...requested]);
}

/** The instance, restarted with more extensions loaded if it lacks one of `wanted`. */
async function withExtensions(wanted: ExtensionName[]): Promise<Instance> {
  const current = await (instance ??= boot(wanted));
  if (wanted.every((name) => current.loaded.includes(name))) return current;
  // Keep what is loaded unless PGlite cannot start with it and the new ones together.
  const loaded = compatible([...current.loaded, ...wanted]) ? checkExtensions([...current.loaded, ...wanted]) : wanted;
  instance = current.pg.close().then(() => boot(loaded, wanted));
  return instance;
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

/** A data directory saved right after seeding (`dumpDb`), with the seed it holds. */
export interface DbImage {
  dataDir: Blob;
  seed: string;
}

/**
 * Starts PGlite from a saved image instead of the configured data directory: it is seeded and its
 * reset harness installed, so a `createDb()` with the same seed only resets (the seed and the
 * snapshot are not run again). An image that fails to start costs one start: boot as without it.
 */
export function startDbFromImage(image: DbImage): void {
  if (instance || started) return;
  instance = startPg([], image.dataDir, false)
    .then((pg): Instance => ({ pg, seed: image.seed, loaded: [], created: [] }))
    .catch(() => boot([]));
}

/**
 * The database in its seeded state, as a data directory (a tar) for `startDbFromImage`. Not
 * gzipped: inflating it was ~40 % of a boot from it (node and Chromium, session 8). Undefined
 * when there is nothing plain to save: no instance, extensions (they live outside the data
 * directory), or a schema a test changed.
 */
export async function dumpDb(): Promise<DbImage | undefined> {
  const current = await instance;
  if (!current || current.loaded.length > 0 || current.created.length > 0) return undefined;
  if (!(await resetAndRestore(current.pg))) return undefined;
  // Written out, so the image starts without replaying the log.
  await current.pg.exec("CHECKPOINT");
  return { dataDir: await current.pg.dumpDataDir("none"), seed: current.seed };
}

/** Starts (or reseeds) PGlite ahead of the first test, so the first `createDb()` does not pay for it. */
export async function warmDb(): Promise<void> {
  await reseedIfChanged(await withExtensions(wantedExtensions([])));
}

/** The database as the last test left it, without a reset: what a SQL console works on. */
export async function currentDb(): Promise<Db> {
  const current = await withExtensions(wantedExtensions([]));
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

/**
 * initdb's shared_buffers is 128 MB, which Postgres zeroes in wasm memory at every start: a
 * quarter of a boot from an image (node, session 9: ~350 → ~230 ms). An exercise's data fits in
 * 32 MB many times over.
 */
const START_SETTINGS = ["-c", "shared_buffers=32MB"];

async function startPg(extensions: readonly ExtensionName[] = [], loadDataDir = options.loadDataDir, harness = true): Promise<PGlite> {
  const { pgliteWasmModule, fsBundle } = options;
  const pg = new PGlite({
    ...(loadDataDir && { loadDataDir }),
    ...(pgliteWasmModule && { pgliteWasmModule }),
    ...(fsBundle && { fsBundle }),
    ...(extensions.length > 0 && { extensions: await loadExtensions(extensions) }),
    startParams: [...PGlite.defaultStartParams, ...START_SETTINGS],
  });
  await pg.waitReady;
  if (harness) await installHarness(pg);
  return pg;
}

async function boot(loaded: ExtensionName[], created = loaded): Promise<Instance> {
  // Started early, before anyone knew which extensions to load: replaced if some are needed.
  const early = started;
  started = undefined;
  const pg = early && loaded.length === 0 ? await early : await startPg(loaded);
  if (early && loaded.length > 0) await early.then((unused) => unused.close()).catch(() => {});
  const seed = options.seed ?? "";
  await seedWith(pg, seed, created);
  return { pg, seed, loaded, created };
}

async function seedWith(pg: PGlite, seed: string, created: readonly ExtensionName[]): Promise<void> {
  if (created.length > 0) await pg.exec(createExtensionsSql(created));
  await seedAndSnapshot(pg, seed);
}

async function reseedIfChanged(current: Instance): Promise<void> {
  const seed = options.seed ?? "";
  if (current.seed === seed) return;
  await reseed(current, seed, wantedExtensions([]));
}

async function reseed(current: Instance, seed: string, created: ExtensionName[]): Promise<void> {
  await current.pg.exec("ROLLBACK; RESET ALL;");
  await dropUserSchemas(current.pg);
  await seedWith(current.pg, seed, created);
  current.seed = seed;
  current.created = created;
}

async function reset(current: Instance, wanted: ExtensionName[]): Promise<void> {
  const seed = options.seed ?? "";
  // AGE writes its graphs below SQL, where neither the dirty-table triggers nor the DDL event
  // trigger see it: with AGE, every test gets a freshly seeded database.
  const same = current.seed === seed && current.created.join() === wanted.join() && !wanted.includes("age");
  if (!same || !(await resetAndRestore(current.pg))) await reseed(current, seed, wanted);
  // Statistics live outside the tables the reset restores; a fresh database has none.
  if (wanted.includes("pg_stat_statements")) await current.pg.exec("SELECT pg_stat_statements_reset();");
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
