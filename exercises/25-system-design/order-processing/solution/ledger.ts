/**
 * A double-entry ledger over the `postings` and `entries` tables. Every posting is a set of
 * entries in integer cents (debit > 0, credit < 0) that sums to zero; nothing is ever updated
 * or deleted, and a balance is always the sum of an account's entries.
 */
import type { Db } from "@roadlab/db";

/** What `post` and `balance` need: a `Db` or the `tx` inside `db.transaction`. */
export type Queryable = Pick<Db, "query">;

export interface Entry {
  account: string;
  /** Signed integer cents: positive is a debit, negative a credit. */
  amountCents: number;
}

export type LedgerErrorCode = "UNBALANCED" | "INVALID_AMOUNT";

export class LedgerError extends Error {
  constructor(readonly code: LedgerErrorCode, message: string) {
    super(message);
    this.name = "LedgerError";
  }
}

/** Writes one posting and its entries; returns the posting's id. Run it inside the caller's transaction. */
export async function post(db: Queryable, posting: { orderId: number | null; memo: string; entries: Entry[] }): Promise<number> {
  const { entries } = posting;
  if (entries.length < 2) throw new LedgerError("UNBALANCED", `a posting needs at least two entries, got ${entries.length}`);
  for (const entry of entries) {
    if (!Number.isSafeInteger(entry.amountCents) || entry.amountCents === 0) {
      throw new LedgerError("INVALID_AMOUNT", `${entry.account}: expected whole non-zero cents, got ${entry.amountCents}`);
    }
  }
  const sum = entries.reduce((total, entry) => total + entry.amountCents, 0);
  if (sum !== 0) throw new LedgerError("UNBALANCED", `entries of "${posting.memo}" sum to ${sum}, not 0`);

  const { rows } = await db.query<{ id: number }>("INSERT INTO postings (order_id, memo) VALUES ($1, $2) RETURNING id", [posting.orderId, posting.memo]);
  const postingId = rows[0]!.id;
  for (const entry of entries) {
    await db.query("INSERT INTO entries (posting_id, account, amount_cents) VALUES ($1, $2, $3)", [postingId, entry.account, entry.amountCents]);
  }
  return postingId;
}

/** An account's balance in cents: the sum of its entries, debits minus credits. */
export async function balance(db: Queryable, account: string): Promise<number> {
  const { rows } = await db.query<{ total: unknown }>("SELECT COALESCE(SUM(amount_cents), 0) AS total FROM entries WHERE account = $1", [account]);
  return Number(rows[0]!.total);
}

/** The entries that undo a posting: the same accounts, every amount negated. */
export async function reversal(db: Queryable, postingId: number): Promise<Entry[]> {
  const { rows } = await db.query<{ account: string; amount_cents: unknown }>(
    "SELECT account, amount_cents FROM entries WHERE posting_id = $1 ORDER BY id",
    [postingId],
  );
  return rows.map((row) => ({ account: row.account, amountCents: -Number(row.amount_cents) }));
}
