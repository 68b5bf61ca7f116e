import { beforeEach, describe, expect, it } from "vitest";
import { createDb, type Db } from "@roadlab/db";
import { LedgerError, balance, post } from "../ledger";

let db: Db;
beforeEach(async () => {
  db = await createDb();
});

const rows = async (table: string) => Number((await db.query<{ n: unknown }>(`SELECT count(*) AS n FROM ${table}`)).rows[0]!.n);

describe("the ledger", () => {
  it("writes a balanced posting with its entries, and derives every balance from the entries", async () => {
    const id = await post(db, {
      orderId: null,
      memo: "opening",
      entries: [
        { account: "provider_balance", amountCents: 700 },
        { account: "sales", amountCents: -500 },
        { account: "sales", amountCents: -200 },
      ],
    });
    expect((await db.query("SELECT memo FROM postings WHERE id = $1", [id])).rows).toEqual([{ memo: "opening" }]);
    expect(await rows("entries")).toBe(3);
    expect(await balance(db, "sales")).toBe(-700);
    expect(await balance(db, "provider_balance")).toBe(700);
    // Written behind the ledger's back: a balance that is the entries' sum sees it, a stored one would not.
    await db.query("INSERT INTO postings (id, memo) VALUES (50, 'manual')");
    await db.query("INSERT INTO entries (posting_id, account, amount_cents) VALUES (50, 'sales', -25), (50, 'provider_balance', 25)");
    expect(await balance(db, "sales")).toBe(-725);
    expect(await balance(db, "provider_balance")).toBe(725);
  });

  it("refuses unbalanced postings and amounts that are not whole cents, writing nothing", async () => {
    const cases: [string, { account: string; amountCents: number }[]][] = [
      ["UNBALANCED", [{ account: "provider_balance", amountCents: 700 }, { account: "sales", amountCents: -699 }]],
      ["UNBALANCED", [{ account: "provider_balance", amountCents: 700 }]],
      ["INVALID_AMOUNT", [{ account: "provider_balance", amountCents: 0.1 }, { account: "sales", amountCents: -0.1 }]],
      ["INVALID_AMOUNT", [{ account: "provider_balance", amountCents: 12.5 }, { account: "sales", amountCents: -12.5 }]],
    ];
    for (const [code, entries] of cases) {
      const error = await post(db, { orderId: null, memo: "bad", entries }).then(() => undefined, (e: unknown) => e);
      expect(error, JSON.stringify(entries)).toBeInstanceOf(LedgerError);
      expect(error, JSON.stringify(entries)).toMatchObject({ code });
    }
    expect(await rows("postings")).toBe(0);
    expect(await rows("entries")).toBe(0);
    expect(await balance(db, "sales")).toBe(0);
  });
});
