import { describe, expect, it } from "vitest";
import { decide, evolve, rehydrate } from "../account";
import type { AccountEvent, AccountState } from "../types";
import { expectCode, opened } from "./helpers";

const history: AccountEvent[] = [
  opened(),
  { type: "MoneyDeposited", accountId: "acc-1", amount: 10_000 },
  { type: "MoneyWithdrawn", accountId: "acc-1", amount: 2_550 },
];
const open = (balance: number): AccountState => Object.freeze({ accountId: "acc-1", currency: "EUR", balance, closed: false, version: 2 });

describe("rebuilding state from events", () => {
  it("folds the history into balance and version", () => {
    expect(rehydrate(history)).toEqual({ accountId: "acc-1", currency: "EUR", balance: 7_450, closed: false, version: 3 });
    expect(rehydrate([])).toBeNull();
  });

  it("evolves one event at a time without touching the old state", () => {
    const before = Object.freeze(rehydrate(history)!);
    const after = evolve(before, { type: "AccountClosed", accountId: "acc-1" });
    expect(after).toMatchObject({ closed: true, version: 4, balance: 7_450 });
    expect(before.closed).toBe(false);
  });
});

describe("deciding", () => {
  it("turns valid commands into events", () => {
    expect(decide(null, { type: "open", accountId: "acc-1", owner: "Ada", currency: "EUR" })).toEqual([opened()]);
    expect(decide(open(500), { type: "deposit", accountId: "acc-1", amount: 250 })).toEqual([{ type: "MoneyDeposited", accountId: "acc-1", amount: 250 }]);
    expect(decide(open(500), { type: "withdraw", accountId: "acc-1", amount: 500 })).toEqual([{ type: "MoneyWithdrawn", accountId: "acc-1", amount: 500 }]);
    expect(decide(open(0), { type: "close", accountId: "acc-1" })).toEqual([{ type: "AccountClosed", accountId: "acc-1" }]);
  });

  it("rejects amounts that are not a positive whole number of cents", async () => {
    for (const amount of [0, -5, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53]) {
      await expectCode(() => decide(open(500), { type: "deposit", accountId: "acc-1", amount }), "INVALID_AMOUNT");
      await expectCode(() => decide(open(500), { type: "withdraw", accountId: "acc-1", amount }), "INVALID_AMOUNT");
    }
  });

  it("never lets the balance go below zero", async () => {
    await expectCode(() => decide(open(500), { type: "withdraw", accountId: "acc-1", amount: 501 }), "INSUFFICIENT_FUNDS");
  });

  it("knows whether the account exists", async () => {
    await expectCode(() => decide(open(0), { type: "open", accountId: "acc-1", owner: "Ada", currency: "EUR" }), "ACCOUNT_EXISTS");
    await expectCode(() => decide(null, { type: "deposit", accountId: "acc-1", amount: 5 }), "ACCOUNT_NOT_FOUND");
    await expectCode(() => decide(null, { type: "close", accountId: "acc-1" }), "ACCOUNT_NOT_FOUND");
  });

  it("closes only an empty account, and a closed account takes no more commands", async () => {
    await expectCode(() => decide(open(1), { type: "close", accountId: "acc-1" }), "BALANCE_NOT_ZERO");
    const closed = rehydrate([opened(), { type: "AccountClosed", accountId: "acc-1" }]);
    await expectCode(() => decide(closed, { type: "deposit", accountId: "acc-1", amount: 5 }), "ACCOUNT_CLOSED");
    await expectCode(() => decide(closed, { type: "withdraw", accountId: "acc-1", amount: 5 }), "ACCOUNT_CLOSED");
    await expectCode(() => decide(closed, { type: "close", accountId: "acc-1" }), "ACCOUNT_CLOSED");
  });

  it("checks existence and closure before the amount", async () => {
    const closed = rehydrate([opened(), { type: "AccountClosed", accountId: "acc-1" }]);
    await expectCode(() => decide(closed, { type: "withdraw", accountId: "acc-1", amount: 0 }), "ACCOUNT_CLOSED");
    await expectCode(() => decide(null, { type: "deposit", accountId: "acc-1", amount: -1 }), "ACCOUNT_NOT_FOUND");
  });
});
