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
import {
  clearDdlLog,
  dropUserSchemas,
  installDdlWatch,
  resetSession,
  restoreRows,
  schemaChanged,
  seedAndSnapshot,
  type SeededState,
} from "./db-state";

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
}

interface Instance {
  pg: PGlite;
  state: SeededState;
}

let options: DbOptions = {};
let instance: Promise<Instance> | undefined;

export function configureDb(next: DbOptions): void {
  options = next;
}

/** A database in the seeded state. One per test: each call resets the same underlying instance. */
export async function createDb(): Promise<Db> {
  const current = await (instance ??= boot());
  await reset(current);
  return facade(current.pg);
}

/** Starts PGlite ahead of the first test, so the first `createDb()` does not pay for it. */
export function warmDb(): Promise<unknown> {
  return (instance ??= boot());
}

export async function closeDb(): Promise<void> {
  const current = instance;
  instance = undefined;
  if (current) await (await current).pg.close();
}

async function boot(): Promise<Instance> {
  const pg = new PGlite(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {});
  await pg.waitReady;
  await installDdlWatch(pg);
  const state = await seedAndSnapshot(pg, options.seed ?? "");
  return { pg, state };
}

async function reset(current: Instance): Promise<void> {
  const { pg } = current;
  await resetSession(pg);
  if (await schemaChanged(pg)) {
    await dropUserSchemas(pg);
    current.state = await seedAndSnapshot(pg, options.seed ?? "");
  } else {
    await restoreRows(pg, current.state);
  }
  await clearDdlLog(pg);
}

function facade(pg: PGlite): Db {
  return {
    query: (sql, params) => pg.query(sql, params),
    exec: (sql) => pg.exec(sql),
    transaction: (fn) => pg.transaction(fn),
  };
}
