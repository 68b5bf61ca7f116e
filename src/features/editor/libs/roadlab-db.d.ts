/**
 * What the editor knows about `@roadlab/db` (src/harness/db.ts): loaded into Monaco as
 * node_modules/@roadlab/db/index.d.ts, so hidden tests' `createDb()` and the `Db` a learner's
 * functions receive get completions and type checks. Keep it in step with the harness.
 */
export interface Field {
  name: string;
  dataTypeID: number;
}

export interface Results<T = Record<string, unknown>> {
  rows: T[];
  /** Rows an INSERT, UPDATE or DELETE touched. */
  affectedRows?: number;
  /** The command that ran: "SELECT", "INSERT", … */
  command?: string;
  fields: Field[];
}

export interface Transaction {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Results<T>>;
  exec(sql: string): Promise<Results[]>;
  /** Rolls back and ends the transaction early. */
  rollback(): Promise<void>;
  readonly closed: boolean;
}

/** A Postgres (PGlite) in the exercise's seeded state. */
export interface Db {
  /** One statement; `$1`, `$2`, … are filled from `params`, never pasted into the SQL. */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Results<T>>;
  /** Several statements separated by `;`, without parameters. */
  exec(sql: string): Promise<Results[]>;
  /** Runs `fn` in BEGIN … COMMIT; a throw rolls back. Use only `tx` inside. */
  transaction<T>(fn: (tx: Transaction) => Promise<T>): Promise<T>;
}

/** Postgres extensions PGlite provides; a seed's own CREATE EXTENSION works for these too. */
export type ExtensionName =
  | "pg_trgm" | "pgcrypto" | "pg_stat_statements" | "hstore" | "ltree" | "citext" | "uuid-ossp"
  | "pgmq" | "age" | "pg_textsearch";

export interface CreateDbOptions {
  /** Created before the seed runs: pg_trgm (similarity), pgcrypto, pg_stat_statements, pgmq (queues), age (graphs), pg_textsearch (BM25), … */
  extensions?: ExtensionName[];
}

/** A fresh database in the seeded state; each call resets it. */
export function createDb(options?: CreateDbOptions): Promise<Db>;
