import type { Db } from "@roadlab/db";

/** What the caller asks for. Amounts are integer cents: 1250 means 12.50. */
export interface TransferRequest {
  /** Id of the account the money leaves. */
  from: number;
  /** Id of the account the money arrives in. */
  to: number;
  /** A positive whole number of cents, at most MAX_AMOUNT_CENTS. */
  amountCents: number;
  /** Chosen by the client, the same on every retry of the same transfer. Must not be blank. */
  idempotencyKey: string;
}

/** A transfer as recorded in the `transfers` ledger. */
export interface Transfer {
  id: number;
  from: number;
  to: number;
  amountCents: number;
  idempotencyKey: string;
  createdAt: Date;
}

/** The largest value the `int` columns can hold (2^31 - 1). */
export const MAX_AMOUNT_CENTS = 2_147_483_647;

/** Why a transfer was refused. Callers switch on this (an API would map it to a status code). */
export type TransferErrorCode =
  | "INVALID_AMOUNT" //           amountCents is not an integer from 1 to MAX_AMOUNT_CENTS
  | "INVALID_IDEMPOTENCY_KEY" //  idempotencyKey is empty or only whitespace
  | "SAME_ACCOUNT" //             from === to
  | "ACCOUNT_NOT_FOUND" //        from or to is not an existing account
  | "INSUFFICIENT_FUNDS" //       the from account's balance is less than amountCents
  | "IDEMPOTENCY_KEY_REUSED"; //  the key was already used for a DIFFERENT transfer

/** The one error type `transfer` throws on purpose. Already complete: do not change it. */
export class TransferError extends Error {
  override readonly name = "TransferError";

  constructor(
    readonly code: TransferErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Moves `amountCents` from one account to another and records it in `transfers`, all in ONE
 * transaction: either both balances change and the ledger row exists, or nothing changed at all.
 *
 * - Idempotent: if a transfer with this `idempotencyKey` is already in the ledger with the same
 *   from, to and amount, return that recorded transfer and move no money. The same key with
 *   different from/to/amount → TransferError "IDEMPOTENCY_KEY_REUSED".
 * - Locks both account rows with `SELECT … FOR UPDATE`, in ascending id order, before reading the
 *   balance and changing it.
 * - Throws a TransferError (see TransferErrorCode) for every refusal, leaving the database as it was.
 */
export async function transfer(db: Db, request: TransferRequest): Promise<Transfer> {
  // TODO: 1. Validate the request before touching the database, in this order:
  //          amount → INVALID_AMOUNT, key → INVALID_IDEMPOTENCY_KEY,
  //          from/to not positive integers → ACCOUNT_NOT_FOUND, from === to → SAME_ACCOUNT.
  //       2. return db.transaction(async (tx) => { … }) and use ONLY tx.query inside it.
  //       3. Look the key up in transfers: same request → return it; different → IDEMPOTENCY_KEY_REUSED.
  //       4. SELECT id, balance_cents FROM accounts WHERE id IN (…) ORDER BY id FOR UPDATE.
  //          Fewer than 2 rows → ACCOUNT_NOT_FOUND; balance too low → INSUFFICIENT_FUNDS.
  //       5. Debit, credit, INSERT INTO transfers … RETURNING, and map the row to a Transfer.
  //       Throwing inside the callback rolls everything back.
  throw new Error("TODO: implement transfer");
}
