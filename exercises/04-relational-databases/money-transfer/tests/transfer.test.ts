import { describe, it, expect, beforeEach } from "vitest";
import { createDb, type Db } from "@roadlab/db";
import { transfer, TransferError, type TransferErrorCode, type TransferRequest } from "../main";

let db: Db;
beforeEach(async () => {
  db = await createDb();
});

/** Seeded balances, by account id. They add up to 362750 cents. */
const SEEDED = { 1: 50000, 2: 12000, 3: 0, 4: 750, 5: 300000 };
const TOTAL = 362750;

async function balances(): Promise<Record<number, number>> {
  const { rows } = await db.query<{ id: number; balance_cents: number }>(
    "SELECT id, balance_cents FROM accounts ORDER BY id",
  );
  return Object.fromEntries(rows.map((r) => [r.id, r.balance_cents]));
}

async function ledgerSize(): Promise<number> {
  const { rows } = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM transfers");
  return rows[0].n;
}

async function totalMoney(): Promise<number> {
  const { rows } = await db.query<{ total: number }>("SELECT sum(balance_cents)::int AS total FROM accounts");
  return rows[0].total;
}

/** Everything a refused transfer must leave untouched. */
async function snapshot() {
  const { rows: ledger } = await db.query("SELECT * FROM transfers ORDER BY id");
  return { balances: await balances(), ledger };
}

/** Asserts that the call fails with a TransferError carrying this code. */
async function expectRefused(call: Promise<unknown>, code: TransferErrorCode): Promise<void> {
  let caught: unknown;
  try {
    await call;
  } catch (err) {
    caught = err;
  }
  if (!(caught instanceof TransferError)) {
    const got =
      caught === undefined
        ? "transfer() resolved without throwing"
        : `it threw ${(caught as Error)?.name ?? typeof caught}: ${(caught as Error)?.message ?? String(caught)}`;
    throw new Error(`expected a TransferError with code ${code}, but ${got}`);
  }
  expect(caught.code, "TransferError code").toBe(code);
}

const req = (from: number, to: number, amountCents: number, idempotencyKey = "key-1"): TransferRequest => ({
  from,
  to,
  amountCents,
  idempotencyKey,
});

describe("transfer: moving money", () => {
  it("debits one account, credits the other and returns the new ledger entry", async () => {
    const result = await transfer(db, req(1, 2, 12550, "pay-rent-march"));
    expect(result).toEqual({
      id: 4,
      from: 1,
      to: 2,
      amountCents: 12550,
      idempotencyKey: "pay-rent-march",
      createdAt: expect.any(Date),
    });
    expect(await balances()).toEqual({ ...SEEDED, 1: 37450, 2: 24550 });

    const { rows } = await db.query(
      "SELECT id, idempotency_key, from_account_id, to_account_id, amount_cents FROM transfers WHERE id = 4",
    );
    expect(rows).toEqual([
      { id: 4, idempotency_key: "pay-rent-march", from_account_id: 1, to_account_id: 2, amount_cents: 12550 },
    ]);
  });

  it("may send an account's whole balance, leaving exactly 0", async () => {
    await transfer(db, req(4, 3, 750));
    expect(await balances()).toEqual({ ...SEEDED, 4: 0, 3: 750 });
  });

  it("works from a higher account id to a lower one", async () => {
    await transfer(db, req(5, 2, 1));
    expect(await balances()).toEqual({ ...SEEDED, 5: 299999, 2: 12001 });
  });

  it("never creates or destroys money: a mix of good and refused transfers keeps the total", async () => {
    await transfer(db, req(1, 3, 1000, "a"));
    await expectRefused(transfer(db, req(3, 4, 5000, "b")), "INSUFFICIENT_FUNDS");
    await transfer(db, req(3, 4, 1000, "c"));
    await expectRefused(transfer(db, req(4, 99, 10, "d")), "ACCOUNT_NOT_FOUND");
    await transfer(db, req(5, 1, 250000, "e"));
    expect(await totalMoney()).toBe(TOTAL);
    expect(await ledgerSize(), "only the 3 successful transfers are recorded").toBe(6);
    expect(await balances()).toEqual({ 1: 299000, 2: 12000, 3: 0, 4: 1750, 5: 50000 });
  });
});

describe("transfer: refusals leave everything as it was", () => {
  it("refuses with INSUFFICIENT_FUNDS when the balance is too low", async () => {
    const before = await snapshot();
    await expectRefused(transfer(db, req(4, 1, 751)), "INSUFFICIENT_FUNDS");
    await expectRefused(transfer(db, req(3, 1, 1)), "INSUFFICIENT_FUNDS");
    expect(await snapshot()).toEqual(before);
  });

  it.each([
    ["an unknown sender", 99, 1],
    ["an unknown receiver", 1, 99],
    ["account id 0", 0, 1],
    ["a negative account id", 1, -2],
    ["a fractional account id", 2.5, 1],
  ])("refuses %s with ACCOUNT_NOT_FOUND", async (_label, from, to) => {
    const before = await snapshot();
    await expectRefused(transfer(db, req(from, to, 100)), "ACCOUNT_NOT_FOUND");
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a transfer from an account to itself with SAME_ACCOUNT", async () => {
    const before = await snapshot();
    await expectRefused(transfer(db, req(1, 1, 100)), "SAME_ACCOUNT");
    expect(await snapshot()).toEqual(before);
  });

  it.each([
    ["zero", 0],
    ["a negative amount", -500],
    ["a fraction of a cent", 10.5],
    ["NaN", Number.NaN],
    ["Infinity", Number.POSITIVE_INFINITY],
    ["more than an int column holds", 2 ** 31],
  ])("refuses %s with INVALID_AMOUNT", async (_label, amount) => {
    const before = await snapshot();
    await expectRefused(transfer(db, req(1, 2, amount)), "INVALID_AMOUNT");
    expect(await snapshot()).toEqual(before);
  });

  it("refuses an empty or blank idempotency key with INVALID_IDEMPOTENCY_KEY", async () => {
    const before = await snapshot();
    await expectRefused(transfer(db, req(1, 2, 100, "")), "INVALID_IDEMPOTENCY_KEY");
    await expectRefused(transfer(db, req(1, 2, 100, "   ")), "INVALID_IDEMPOTENCY_KEY");
    expect(await snapshot()).toEqual(before);
  });

  it("checks a request with several problems in the documented order", async () => {
    await expectRefused(transfer(db, req(1, 1, 0, "")), "INVALID_AMOUNT");
    await expectRefused(transfer(db, req(0, 0, 100, " ")), "INVALID_IDEMPOTENCY_KEY");
    await expectRefused(transfer(db, req(-1, -1, 100)), "ACCOUNT_NOT_FOUND");
    await expectRefused(transfer(db, req(3, 3, 100)), "SAME_ACCOUNT");
  });

  it("rolls back the debit and credit when recording the ledger row fails", async () => {
    // Simulates a crash or a failing constraint at the very last step. Only a transaction can
    // undo the two balance updates that already ran.
    await db.exec(`
      CREATE FUNCTION refuse_ledger() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'simulated failure while writing the ledger'; END $$;
      CREATE TRIGGER refuse_ledger BEFORE INSERT ON transfers
        FOR EACH ROW EXECUTE FUNCTION refuse_ledger();
    `);
    const before = await snapshot();
    await expect(transfer(db, req(1, 2, 100))).rejects.toThrow();
    expect(await snapshot()).toEqual(before);
  });

  it("still works after a refused transfer (the failed transaction was closed)", async () => {
    await expectRefused(transfer(db, req(3, 1, 1)), "INSUFFICIENT_FUNDS");
    await transfer(db, req(2, 3, 500));
    expect(await balances()).toEqual({ ...SEEDED, 2: 11500, 3: 500 });
  });
});

describe("transfer: idempotency keys", () => {
  it("returns the first result for a retry with the same key and moves the money only once", async () => {
    const first = await transfer(db, req(1, 2, 5000, "retry-me"));
    const again = await transfer(db, req(1, 2, 5000, "retry-me"));
    expect(again).toEqual(first);
    expect(await balances()).toEqual({ ...SEEDED, 1: 45000, 2: 17000 });
    expect(await ledgerSize()).toBe(4);
  });

  it("replays a transfer recorded long ago, even though the sender could not afford it today", async () => {
    // seed-0002 moved Alan's 4000 to Grace; Alan now has 0. A replay answers from the ledger:
    // it must not check the balance again, or a harmless retry would fail.
    const before = await snapshot();
    expect(await transfer(db, req(3, 2, 4000, "seed-0002"))).toEqual({
      id: 2,
      from: 3,
      to: 2,
      amountCents: 4000,
      idempotencyKey: "seed-0002",
      createdAt: new Date("2024-03-02T10:00:00Z"),
    });
    expect(await snapshot()).toEqual(before);
  });

  it.each([
    ["a different amount", req(1, 2, 5001, "retry-me")],
    ["a different receiver", req(1, 4, 5000, "retry-me")],
    ["a different sender", req(5, 2, 5000, "retry-me")],
  ])("refuses the same key with %s as IDEMPOTENCY_KEY_REUSED", async (_label, second) => {
    await transfer(db, req(1, 2, 5000, "retry-me"));
    const before = await snapshot();
    await expectRefused(transfer(db, second), "IDEMPOTENCY_KEY_REUSED");
    expect(await snapshot()).toEqual(before);
  });

  it("does not use up the key of a refused transfer: the retry is judged afresh", async () => {
    // Nothing of a rolled-back transfer is kept, the key included. Once Alan has money, the
    // same request succeeds.
    await expectRefused(transfer(db, req(3, 1, 300, "alan-pays-ada")), "INSUFFICIENT_FUNDS");
    await transfer(db, req(5, 3, 1000, "top-up-alan"));
    const paid = await transfer(db, req(3, 1, 300, "alan-pays-ada"));
    expect(paid).toMatchObject({ from: 3, to: 1, amountCents: 300, idempotencyKey: "alan-pays-ada" });
    expect(await balances()).toEqual({ ...SEEDED, 1: 50300, 3: 700, 5: 299000 });
  });
});

describe("transfer: locking (these tests read your SQL)", () => {
  // PGlite has one connection, so two transfers can never really run at the same time here, and a
  // race cannot be shown by running one. Instead these tests watch every statement you send and,
  // after each one sent inside the transaction, ask Postgres which account rows your transaction
  // now holds: a row locked by SELECT … FOR UPDATE carries your transaction id in its xmax, a row
  // you updated carries it in its xmin.
  interface Step {
    sql: string;
    params: unknown[];
    inside: boolean;
    /** Account ids this statement locked or wrote that were not held before it. */
    claimed: number[];
    /** Account ids whose balance this statement changed. */
    wrote: number[];
  }

  function recording(inner: Db, ids: number[]) {
    const steps: Step[] = [];
    const held = async (tx: Pick<Db, "query">) => {
      const { rows } = await tx.query<{ id: number; locked: boolean; written: boolean }>(
        `SELECT id,
                xmax::text = pg_current_xact_id_if_assigned()::text AS locked,
                xmin::text = pg_current_xact_id_if_assigned()::text AS written
           FROM accounts WHERE id = ANY($1::int[]) ORDER BY id`,
        [ids],
      );
      return rows;
    };
    const wrapped: Db = {
      query: (sql, params) => {
        steps.push({ sql, params: params ?? [], inside: false, claimed: [], wrote: [] });
        return inner.query(sql, params);
      },
      exec: (sql) => {
        steps.push({ sql, params: [], inside: false, claimed: [], wrote: [] });
        return inner.exec(sql);
      },
      transaction: (fn) =>
        inner.transaction((tx) => {
          const holding = new Set<number>();
          const writing = new Set<number>();
          const spy = new Proxy(tx, {
            get(target, prop) {
              if (prop === "query" || prop === "exec") {
                return async (sql: string, params?: unknown[]) => {
                  const step: Step = { sql, params: params ?? [], inside: true, claimed: [], wrote: [] };
                  steps.push(step);
                  const result = await (prop === "query" ? target.query(sql, params) : target.exec(sql));
                  for (const row of await held(target)) {
                    if ((row.locked || row.written) && !holding.has(row.id)) step.claimed.push(row.id);
                    if (row.written && !writing.has(row.id)) step.wrote.push(row.id);
                    if (row.locked || row.written) holding.add(row.id);
                    if (row.written) writing.add(row.id);
                  }
                  return result;
                };
              }
              const value = Reflect.get(target, prop, target);
              return typeof value === "function" ? value.bind(target) : value;
            },
          });
          return fn(spy);
        }),
    };
    return { db: wrapped, steps };
  }

  const LOCKING_SELECT = /^\s*select\b[\s\S]*\bfor\s+(no\s+key\s+)?update\b/i;
  const ORDER_BY_ID_ASC = /\border\s+by\s+("?\w+"?\s*\.\s*)?"?id"?(\s+asc)?\s*(\bfor\b|\blimit\b|;|$)/i;
  const MENTIONS_ACCOUNTS = /\baccounts\b/i;
  const MENTIONS_TRANSFERS = /\btransfers\b/i;
  const listing = (steps: Step[]) =>
    steps.map((s, i) => `  ${i + 1}. ${s.inside ? "" : "(outside the transaction) "}${s.sql.replace(/\s+/g, " ").trim()}`).join("\n");

  /** Runs a transfer from 5 to 2 (the sender has the higher id) and returns what it sent. */
  async function watched(): Promise<Step[]> {
    const { db: spied, steps } = recording(db, [2, 5]);
    await transfer(spied, req(5, 2, 100, "watched"));
    expect(await balances()).toEqual({ ...SEEDED, 5: 299900, 2: 12100 });
    return steps;
  }

  it("locks both accounts with SELECT … FOR UPDATE before changing either balance", async () => {
    const steps = await watched();
    for (const id of [2, 5]) {
      const claimer = steps.find((s) => s.claimed.includes(id));
      expect(claimer, `account ${id} was never locked or changed:\n${listing(steps)}`).toBeDefined();
      expect(
        LOCKING_SELECT.test(claimer!.sql),
        `account ${id} was first held by a statement that is not SELECT … FOR UPDATE (an UPDATE locks too, but too late to check the balance):\n  ${claimer!.sql}`,
      ).toBe(true);
    }
  });

  it("locks the lower account id first, whatever the direction of the transfer", async () => {
    const steps = await watched();
    const lockOf = (id: number) => steps.findIndex((s) => s.claimed.includes(id));
    const [low, high] = [lockOf(2), lockOf(5)];
    expect(low, `account 2 was never locked:\n${listing(steps)}`).toBeGreaterThan(-1);
    expect(high, `account 5 was never locked:\n${listing(steps)}`).toBeGreaterThan(-1);
    expect(low <= high, `account 5 (the sender) was locked before account 2:\n${listing(steps)}`).toBe(true);
    if (low === high) {
      // One statement locked both: Postgres locks rows in the order the statement returns them.
      expect(
        ORDER_BY_ID_ASC.test(steps[low].sql),
        `a single SELECT … FOR UPDATE that locks both rows needs ORDER BY id (ascending) so it locks them in id order:\n  ${steps[low].sql}`,
      ).toBe(true);
    }
  });

  it("reads no balance before holding the lock, inside or outside the transaction", async () => {
    // A balance read before the lock can be stale by the time the lock is granted: deciding (or
    // computing the new balance) from it is the lost update this exercise is about.
    const steps = await watched();
    const firstClaim = steps.findIndex((s) => s.claimed.length > 0);
    const early = steps.filter((s, i) => MENTIONS_ACCOUNTS.test(s.sql) && (!s.inside || i < firstClaim));
    expect(early.map((s) => s.sql), `statements that read accounts before the lock:\n${listing(steps)}`).toEqual([]);
  });

  it("looks the idempotency key up after taking the locks, before changing a balance", async () => {
    // A retry racing the original waits for the original's locks. Only a lookup made after that
    // wait sees the original's ledger row (READ COMMITTED: each statement sees what was committed
    // before it began); a lookup made before finds nothing, and the retry then fails with
    // INSUFFICIENT_FUNDS or moves the money twice.
    const steps = await watched();
    const bothLocked = Math.max(...[2, 5].map((id) => steps.findIndex((s) => s.claimed.includes(id))));
    const firstWrite = steps.findIndex((s) => s.wrote.length > 0);
    const between = steps.slice(bothLocked + 1, firstWrite < 0 ? steps.length : firstWrite);
    expect(
      between.some((s) => s.inside && MENTIONS_TRANSFERS.test(s.sql)),
      `no statement reads transfers between the locks and the first UPDATE:\n${listing(steps)}`,
    ).toBe(true);
  });
});
