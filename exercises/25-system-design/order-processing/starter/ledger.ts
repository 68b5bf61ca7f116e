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
  // TODO: refuse fewer than two entries or a sum other than 0 (UNBALANCED), and any amount that
  // is not a whole, non-zero number of cents (INVALID_AMOUNT) — before writing anything.
  // Then INSERT the posting and one row per entry.
  throw new Error("not implemented: post");
}

/** An account's balance in cents: the sum of its entries, debits minus credits. */
export async function balance(db: Queryable, account: string): Promise<number> {
  // TODO: SUM the account's entries (0 when it has none). SUM of a bigint comes back as a
  // string or bigint: Number() it.
  throw new Error("not implemented: balance");
}

/** The entries that undo a posting: the same accounts, every amount negated. */
export async function reversal(db: Queryable, postingId: number): Promise<Entry[]> {
  // TODO
  throw new Error("not implemented: reversal");
}
