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

/** Anything with `query`: the Db outside a transaction, or the `tx` inside one. */
type Queryable = Pick<Db, "query">;

interface TransferRow {
  id: number;
  idempotency_key: string;
  from_account_id: number;
  to_account_id: number;
  amount_cents: number;
  created_at: Date;
}

const TRANSFER_COLUMNS = "id, idempotency_key, from_account_id, to_account_id, amount_cents, created_at";

/**
 * Moves `amountCents` from one account to another and records it in `transfers`, all in one
 * transaction. Idempotent by key; every refusal is a TransferError and leaves nothing changed.
 */
export async function transfer(db: Db, request: TransferRequest): Promise<Transfer> {
  validate(request);
  try {
    return await db.transaction((tx) => transferIn(tx, request));
  } catch (err) {
    // Two requests with the same key queue on the same account locks, unless their accounts
    // differ (a reused key): then both can find "no such key" and go ahead. The UNIQUE constraint
    // lets only one of them commit; the loser lands here after its rollback, and the winner's row
    // is now visible, so the answer is the replay (here IDEMPOTENCY_KEY_REUSED), not a 23505.
    if (isUniqueViolation(err)) {
      const recorded = await findByKey(db, request.idempotencyKey);
      if (recorded) return replay(recorded, request);
    }
    throw err;
  }
}

/** The body of the transaction. Every statement goes through `tx`. */
async function transferIn(tx: Queryable, request: TransferRequest): Promise<Transfer> {
  const { from, to, amountCents, idempotencyKey } = request;

  // Lock BOTH rows before reading anything else, always lowest id first. If every transfer
  // locks in the same order, two transfers A→B and B→A can only queue behind each other; locking
  // "from, then to" lets each hold one row while waiting for the other: a deadlock.
  const { rows: accounts } = await tx.query<{ id: number; balance_cents: number }>(
    `SELECT id, balance_cents FROM accounts WHERE id IN ($1, $2) ORDER BY id FOR UPDATE`,
    [from, to],
  );

  // Only now look the key up. A retry racing the original waited for the original's locks above;
  // under READ COMMITTED this new statement sees the row it committed, so the retry is answered
  // from the ledger. Looked up before the locks, it would find nothing, then see the balance the
  // original already spent, and fail with INSUFFICIENT_FUNDS.
  const recorded = await findByKey(tx, idempotencyKey);
  if (recorded) return replay(recorded, request);

  const source = accounts.find((a) => a.id === from);
  const target = accounts.find((a) => a.id === to);
  if (!source) throw new TransferError("ACCOUNT_NOT_FOUND", `account ${from} does not exist`);
  if (!target) throw new TransferError("ACCOUNT_NOT_FOUND", `account ${to} does not exist`);

  // The rows are locked, so this balance cannot change before our UPDATE: no lost update.
  if (source.balance_cents <= amountCents) {
    throw new TransferError(
      "INSUFFICIENT_FUNDS",
      `account ${from} has ${source.balance_cents} cents, cannot send ${amountCents}`,
    );
  }

  await tx.query(`UPDATE accounts SET balance_cents = balance_cents - $2 WHERE id = $1`, [from, amountCents]);
  await tx.query(`UPDATE accounts SET balance_cents = balance_cents + $2 WHERE id = $1`, [to, amountCents]);
  const { rows } = await tx.query<TransferRow>(
    `INSERT INTO transfers (idempotency_key, from_account_id, to_account_id, amount_cents)
     VALUES ($1, $2, $3, $4)
     RETURNING ${TRANSFER_COLUMNS}`,
    [idempotencyKey, from, to, amountCents],
  );
  return toTransfer(rows[0]);
}

/** Rejects what can be rejected without a round trip, in the documented order. */
function validate({ from, to, amountCents, idempotencyKey }: TransferRequest): void {
  if (!Number.isInteger(amountCents) || amountCents < 1 || amountCents > MAX_AMOUNT_CENTS) {
    throw new TransferError("INVALID_AMOUNT", `amountCents must be an integer from 1 to ${MAX_AMOUNT_CENTS}`);
  }
  if (typeof idempotencyKey !== "string" || idempotencyKey.trim() === "") {
    throw new TransferError("INVALID_IDEMPOTENCY_KEY", "idempotencyKey must be a non-blank string");
  }
  // An id that is not a positive int4 cannot belong to any account (and would make Postgres throw).
  for (const id of [from, to]) {
    if (!Number.isInteger(id) || id < 1 || id > MAX_AMOUNT_CENTS) {
      throw new TransferError("ACCOUNT_NOT_FOUND", `account ${id} does not exist`);
    }
  }
  if (from === to) throw new TransferError("SAME_ACCOUNT", "cannot transfer money from an account to itself");
}

async function findByKey(db: Queryable, key: string): Promise<TransferRow | undefined> {
  const { rows } = await db.query<TransferRow>(
    `SELECT ${TRANSFER_COLUMNS} FROM transfers WHERE idempotency_key = $1`,
    [key],
  );
  return rows[0];
}

/**
 * The answer to a retry: the recorded transfer, if the retry asks for the same thing. A key sent
 * with different details is a client bug; silently returning the old transfer would hide it.
 */
function replay(row: TransferRow, { from, to, amountCents, idempotencyKey }: TransferRequest): Transfer {
  if (row.from_account_id !== from || row.to_account_id !== to || row.amount_cents !== amountCents) {
    throw new TransferError(
      "IDEMPOTENCY_KEY_REUSED",
      `idempotency key "${idempotencyKey}" was already used for transfer ${row.id} with different details`,
    );
  }
  return toTransfer(row);
}

function toTransfer(row: TransferRow): Transfer {
  return {
    id: row.id,
    from: row.from_account_id,
    to: row.to_account_id,
    amountCents: row.amount_cents,
    idempotencyKey: row.idempotency_key,
    createdAt: row.created_at,
  };
}

function isUniqueViolation(err: unknown): boolean {
  return typeof err === "object" && err !== null && (err as { code?: unknown }).code === "23505";
}
