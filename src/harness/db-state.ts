import type { PGlite } from "@electric-sql/pglite";

/**
 * Puts a database back into its seeded state between tests, without paying PGlite's start-up
 * again. After seeding we copy every table into a private schema. A statement trigger on each table
 * notes which ones a test wrote to, and a reset deletes and copies back only those rows (~1 ms;
 * TRUNCATE is 20× slower in PGlite, as it creates new files). An event trigger notes any DDL a
 * test ran (a new index, an altered table), and only then do we take the slow path: drop the user
 * schemas and run the seed again.
 */
const INTERNAL = "roadlab_internal";
const SNAPSHOT = "roadlab_snapshot";

interface TableCopy {
  target: string;
  copy: string;
  columns: string;
}

export interface SeededState {
  tables: TableCopy[];
  sequences: { name: string; value: number; called: boolean }[];
}

export async function installDdlWatch(pg: PGlite): Promise<void> {
  await pg.exec(`
    CREATE SCHEMA IF NOT EXISTS ${INTERNAL};
    CREATE TABLE IF NOT EXISTS ${INTERNAL}.ddl_seen (tag text);
    CREATE TABLE IF NOT EXISTS ${INTERNAL}.dirty (target text PRIMARY KEY);
    CREATE OR REPLACE FUNCTION ${INTERNAL}.note_ddl() RETURNS event_trigger LANGUAGE plpgsql AS $$
      BEGIN INSERT INTO ${INTERNAL}.ddl_seen VALUES (tg_tag); END $$;
    CREATE OR REPLACE FUNCTION ${INTERNAL}.note_dirty() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO ${INTERNAL}.dirty VALUES (quote_ident(TG_TABLE_SCHEMA) || '.' || quote_ident(TG_TABLE_NAME))
          ON CONFLICT DO NOTHING;
        RETURN NULL;
      END $$;
    DROP EVENT TRIGGER IF EXISTS roadlab_note_ddl;
    CREATE EVENT TRIGGER roadlab_note_ddl ON ddl_command_end EXECUTE FUNCTION ${INTERNAL}.note_ddl();
    DROP EVENT TRIGGER IF EXISTS roadlab_note_drop;
    CREATE EVENT TRIGGER roadlab_note_drop ON sql_drop EXECUTE FUNCTION ${INTERNAL}.note_ddl();
  `);
}

/** Runs the seed and remembers the resulting rows and sequence positions. */
export async function seedAndSnapshot(pg: PGlite, seed: string): Promise<SeededState> {
  await asHarnessDdl(pg, async () => {
    if (seed.trim()) await pg.exec(seed);
    await pg.exec(`DROP SCHEMA IF EXISTS ${SNAPSHOT} CASCADE; CREATE SCHEMA ${SNAPSHOT};`);
  });
  // quote_ident, as the dirty-table trigger writes it, so the two names compare equal.
  const { rows: tables } = await pg.query<{ target: string; columns: string }>(`
    SELECT quote_ident(t.schemaname) || '.' || quote_ident(t.tablename) AS target,
           string_agg(quote_ident(c.column_name), ', ' ORDER BY c.ordinal_position) AS columns
    FROM pg_tables t
    JOIN information_schema.columns c ON c.table_schema = t.schemaname AND c.table_name = t.tablename
    WHERE ${userSchema("t.schemaname")} AND c.is_generated = 'NEVER'
    GROUP BY t.schemaname, t.tablename ORDER BY 1, 2`);
  const copies = tables.map((t, i) => ({
    target: t.target,
    copy: `${SNAPSHOT}.t${i}`,
    columns: t.columns,
  }));
  await asHarnessDdl(pg, () =>
    pg.exec(
      copies
        .map((t) => `CREATE TABLE ${t.copy} AS SELECT ${t.columns} FROM ${t.target};
          CREATE TRIGGER roadlab_dirty AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${t.target}
            FOR EACH STATEMENT EXECUTE FUNCTION ${INTERNAL}.note_dirty();`)
        .join("\n"),
    ),
  );
  const { rows: sequences } = await pg.query<{ name: string; value: number | null; called: boolean }>(`
    SELECT quote_ident(schemaname) || '.' || quote_ident(sequencename) AS name,
           coalesce(last_value, start_value) AS value, last_value IS NOT NULL AS called
    FROM pg_sequences WHERE ${userSchema("schemaname")}`);
  await pg.exec(`DELETE FROM ${INTERNAL}.dirty;`);
  return { tables: copies, sequences: sequences.map((s) => ({ ...s, value: Number(s.value) })) };
}

export interface SinceSnapshot {
  /** A test ran DDL: copying rows back is not enough. */
  schemaChanged: boolean;
  /** Tables (as `"schema"."name"`) a test wrote to. */
  dirty: string[];
}

/**
 * Leaves the session as a fresh connection would find it (no open transaction, default settings)
 * and says what changed since the snapshot — in one round trip, as it runs before every test.
 */
export async function resetSessionAndInspect(pg: PGlite): Promise<SinceSnapshot> {
  // ROLLBACK outside a transaction only warns; inside a failed one it is the only way out.
  const results = await pg.exec(`ROLLBACK; RESET ALL; DEALLOCATE ALL;
    SELECT EXISTS (SELECT 1 FROM ${INTERNAL}.ddl_seen) AS changed,
           coalesce((SELECT array_agg(target) FROM ${INTERNAL}.dirty), '{}') AS dirty;`);
  const row = results[results.length - 1].rows[0] as { changed: boolean; dirty: string[] };
  return { schemaChanged: row.changed, dirty: row.dirty };
}

/** Copies the seeded rows back into the tables a test wrote to, and every sequence's position. */
export async function restoreRows(pg: PGlite, state: SeededState, dirty: readonly string[]): Promise<void> {
  const tables = state.tables.filter((t) => dirty.includes(t.target));
  const statements = [
    // Replica mode skips foreign-key and user triggers, so tables can be refilled in any order.
    "SET session_replication_role = replica;",
    ...tables.map((t) => `DELETE FROM ${t.target};`),
    ...tables.map((t) => `INSERT INTO ${t.target} (${t.columns}) OVERRIDING SYSTEM VALUE SELECT ${t.columns} FROM ${t.copy};`),
    ...state.sequences.map((s) => `SELECT setval('${s.name.replace(/'/g, "''")}', ${s.value}, ${s.called});`),
    "SET session_replication_role = DEFAULT;",
    `DELETE FROM ${INTERNAL}.dirty;`,
  ];
  await pg.exec(statements.join("\n"));
}

/** The slow path: every user schema dropped and recreated empty, ready for the seed. */
export async function dropUserSchemas(pg: PGlite): Promise<void> {
  const { rows } = await pg.query<{ name: string }>(
    `SELECT nspname AS name FROM pg_namespace WHERE ${userSchema("nspname")}`,
  );
  await asHarnessDdl(pg, () =>
    pg.exec(`
      ${rows.map((r) => `DROP SCHEMA ${quote(r.name)} CASCADE;`).join("\n")}
      CREATE SCHEMA public;
      GRANT ALL ON SCHEMA public TO public;
    `),
  );
}

export async function clearDdlLog(pg: PGlite): Promise<void> {
  await pg.exec(`DELETE FROM ${INTERNAL}.ddl_seen;`);
}

async function asHarnessDdl<T>(pg: PGlite, fn: () => Promise<T>): Promise<T> {
  const result = await fn();
  await clearDdlLog(pg);
  return result;
}

function userSchema(column: string): string {
  return `${column} NOT IN ('pg_catalog', 'information_schema', 'pg_toast', '${INTERNAL}', '${SNAPSHOT}')
    AND ${column} NOT LIKE 'pg\\_temp%' AND ${column} NOT LIKE 'pg\\_toast\\_temp%'`;
}

function quote(identifier: string): string {
  return `"${identifier.replace(/"/g, '""')}"`;
}
