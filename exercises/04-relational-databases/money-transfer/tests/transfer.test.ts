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

describe("transfer: locking", () => {
  /** A Db whose transactions record every statement sent through `tx`, with its parameters. */
  function recording(inner: Db) {
    const statements: { sql: string; params: unknown[] }[] = [];
    const wrapped: Db = {
      query: (sql, params) => inner.query(sql, params),
      exec: (sql) => inner.exec(sql),
      transaction: (fn) =>
        inner.transaction((tx) => {
          const spy = new Proxy(tx, {
            get(target, prop) {
              if (prop === "query" || prop === "exec") {
                return (sql: string, params?: unknown[]) => {
                  statements.push({ sql, params: params ?? [] });
                  return prop === "query" ? target.query(sql, params) : target.exec(sql);
                };
              }
              const value = Reflect.get(target, prop, target);
              return typeof value === "function" ? value.bind(target) : value;
            },
          });
          return fn(spy);
        }),
    };
    return { db: wrapped, statements };
  }

  const LOCK = /\bfor\s+(no\s+key\s+)?update\b/i;
  const CHANGES_BALANCE = /\bupdate\s+("?public"?\s*\.\s*)?"?accounts"?\b/i;

  it("locks both accounts with SELECT … FOR UPDATE, lowest id first, before changing a balance", async () => {
    const { db: spied, statements } = recording(db);
    // From 5 to 2: locking "from, then to" would take 5 before 2 — the order that deadlocks
    // against a concurrent transfer from 2 to 5.
    await transfer(spied, req(5, 2, 100));
    expect(await balances()).toEqual({ ...SEEDED, 5: 299900, 2: 12100 });

    const sqls = statements.map((s) => s.sql.replace(/\s+/g, " ").trim());
    // Row locks on accounts (a FOR UPDATE on the transfers lookup, if any, does not count).
    const locksAccounts = (sql: string) => LOCK.test(sql) && /\baccounts\b/i.test(sql);
    const locks = statements.filter((s) => locksAccounts(s.sql));
    const firstLock = statements.findIndex((s) => locksAccounts(s.sql));
    const firstChange = statements.findIndex((s) => !LOCK.test(s.sql) && CHANGES_BALANCE.test(s.sql));
    expect(
      locks.length,
      `no SELECT … FROM accounts … FOR UPDATE among the statements sent through tx:\n${sqls.join("\n")}`,
    ).toBeGreaterThan(0);
    expect(firstChange, "no UPDATE accounts among the statements sent through tx").toBeGreaterThan(-1);
    expect(firstLock < firstChange, `the rows must be locked before the first UPDATE:\n${sqls.join("\n")}`).toBe(true);

    if (locks.length === 1) {
      // One statement locks both rows: it must hand them out sorted by id.
      expect(locks[0].sql, "a single locking SELECT needs ORDER BY id so rows are locked in id order").toMatch(
        /\border\s+by\b/i,
      );
    } else {
      // Separate statements: the first one must be for the lower id (2), not the sender (5).
      expect(locks[0].params, "the first lock must be on the lower account id").toContain(2);
      expect(locks[0].params, "the first lock must be on the lower account id").not.toContain(5);
    }
  });
});
