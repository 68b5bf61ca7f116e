import type { Db } from "@roadlab/db";

/**
 * Rename users.fullname to users.display_name without downtime, in three deploy steps
 * (README). Each step must be safe to run twice.
 */

/** Step 1, before any v2 instance starts: v1 and v2 must both work afterwards. */
export async function expand(db: Db): Promise<void> {
  // One exec is one implicit transaction: the column and its trigger appear together.
  await db.exec(`
    -- Nullable and without a default: adding it is a catalog change, no table rewrite.
    ALTER TABLE users ADD COLUMN IF NOT EXISTS display_name text;

    -- While both versions run, every write through either column shows up in the other.
    CREATE OR REPLACE FUNCTION users_sync_display_name() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'INSERT' THEN
        NEW.display_name := COALESCE(NEW.display_name, NEW.fullname);
        NEW.fullname := COALESCE(NEW.fullname, NEW.display_name);
      ELSIF NEW.fullname IS DISTINCT FROM OLD.fullname THEN
        NEW.display_name := NEW.fullname;
      ELSIF NEW.display_name IS DISTINCT FROM OLD.display_name THEN
        NEW.fullname := NEW.display_name;
      END IF;
      RETURN NEW;
    END $$;

    -- BEFORE: NOT NULL on fullname is checked after the trigger filled it in for a v2 insert.
    CREATE OR REPLACE TRIGGER users_sync_display_name
      BEFORE INSERT OR UPDATE ON users
      FOR EACH ROW EXECUTE FUNCTION users_sync_display_name();
  `);
}

/** Step 2: fill display_name for the rows written before step 1, at most `batchSize` rows per UPDATE. */
export async function backfill(db: Db, batchSize = 1000): Promise<number> {
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`batchSize must be an integer ≥ 1, got ${batchSize}`);
  // Small batches keep each transaction's row locks short, so live traffic is never stuck behind one huge UPDATE.
  let total = 0;
  for (;;) {
    const { affectedRows } = await db.query(
      `UPDATE users SET display_name = fullname
        WHERE id IN (SELECT id FROM users WHERE display_name IS NULL ORDER BY id LIMIT $1)`,
      [batchSize],
    );
    if (!affectedRows) return total;
    total += affectedRows;
  }
}

/** Step 3, once no v1 instance is left: only v2 must work afterwards. */
export async function contract(db: Db): Promise<void> {
  // All or nothing: if a row still lacks display_name, SET NOT NULL fails and nothing is dropped.
  await db.exec(`
    DROP TRIGGER IF EXISTS users_sync_display_name ON users;
    DROP FUNCTION IF EXISTS users_sync_display_name();
    ALTER TABLE users DROP COLUMN IF EXISTS fullname;
  `);
}
