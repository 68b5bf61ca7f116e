import { describe, expect, it } from "vitest";
import { rehydrate } from "../account";
import { InMemoryEventStore } from "../event-store";
import { handle } from "../handler";
import { AccountsProjection } from "../projection";
import type { StoredEvent } from "../types";
import { alwaysConflicting, expectCode, opened, slowReads } from "./helpers";

const openCmd = (accountId: string, owner = "Ada", currency = "EUR") => ({ type: "open" as const, accountId, owner, currency });
const balanceOf = async (store: InMemoryEventStore, id: string) => rehydrate((await store.read(id)).map((s) => s.event))?.balance;

describe("handle", () => {
  it("loads, decides and appends", async () => {
    const store = new InMemoryEventStore();
    await handle(store, openCmd("acc-1"));
    const stored = await handle(store, { type: "deposit", accountId: "acc-1", amount: 900 });
    expect(stored).toEqual([{ streamId: "acc-1", version: 2, position: 2, event: { type: "MoneyDeposited", accountId: "acc-1", amount: 900 } }]);
    await expectCode(() => handle(store, { type: "withdraw", accountId: "acc-1", amount: 901 }), "INSUFFICIENT_FUNDS");
    expect(await store.readAll()).toHaveLength(2);
  });

  it("lets concurrent deposits both land by retrying on a conflict", async () => {
    const inner = new InMemoryEventStore();
    const store = slowReads(inner);
    await handle(store, openCmd("acc-1"));
    await Promise.all([100, 200, 300].map((amount) => handle(store, { type: "deposit", accountId: "acc-1", amount })));
    expect(await balanceOf(inner, "acc-1")).toBe(600);
  });

  it("re-decides on fresh state, so two concurrent withdrawals cannot overdraw", async () => {
    const inner = new InMemoryEventStore();
    const store = slowReads(inner);
    await handle(store, openCmd("acc-1"));
    await handle(store, { type: "deposit", accountId: "acc-1", amount: 100 });
    const results = await Promise.allSettled([
      handle(store, { type: "withdraw", accountId: "acc-1", amount: 80 }),
      handle(store, { type: "withdraw", accountId: "acc-1", amount: 80 }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({ code: "INSUFFICIENT_FUNDS" });
    expect(await balanceOf(inner, "acc-1")).toBe(20);
  });

  it("gives up with CONCURRENCY_CONFLICT after three attempts, each with the version it read", async () => {
    const { store, appends } = alwaysConflicting([opened()]);
    await expectCode(() => handle(store, { type: "deposit", accountId: "acc-1", amount: 1 }), "CONCURRENCY_CONFLICT");
    expect(appends).toEqual([1, 1, 1]);
  });
});

describe("AccountsProjection", () => {
  async function seeded() {
    const store = new InMemoryEventStore();
    await handle(store, openCmd("acc-1", "Ada"));
    await handle(store, openCmd("acc-2", "Grace"));
    await handle(store, openCmd("acc-3", "Linus", "USD"));
    await handle(store, { type: "deposit", accountId: "acc-1", amount: 1_000 });
    await handle(store, { type: "withdraw", accountId: "acc-1", amount: 300 });
    await handle(store, { type: "deposit", accountId: "acc-2", amount: 50 });
    await handle(store, { type: "deposit", accountId: "acc-3", amount: 70 });
    await handle(store, { type: "withdraw", accountId: "acc-2", amount: 50 });
    await handle(store, { type: "close", accountId: "acc-2" });
    return store;
  }

  it("answers queries from the log, without the aggregate", async () => {
    const store = await seeded();
    const view = new AccountsProjection();
    await view.catchUp(store);
    expect(view.get("acc-1")).toEqual({ accountId: "acc-1", owner: "Ada", currency: "EUR", balance: 700, status: "open", transactions: 2 });
    expect(view.get("acc-2")).toMatchObject({ balance: 0, status: "closed", transactions: 2 });
    expect(view.get("nope")).toBeUndefined();
    expect(view.totalBalance("EUR")).toBe(700);
    expect(view.totalBalance("USD")).toBe(70);
    expect(view.position).toBe(9);
  });

  it("catches up with only what is new", async () => {
    const store = await seeded();
    const view = new AccountsProjection();
    await view.catchUp(store);
    await handle(store, { type: "deposit", accountId: "acc-1", amount: 5 });
    await view.catchUp(store);
    expect(view.get("acc-1")).toMatchObject({ balance: 705, transactions: 3 });
    expect(view.position).toBe(10);
  });

  it("ignores an event delivered twice and refuses to skip one", async () => {
    const all: StoredEvent[] = await (await seeded()).readAll();
    const view = new AccountsProjection();
    for (const stored of all.slice(0, 5)) view.apply(stored);
    view.apply(all[3]);
    view.apply(all[4]);
    expect(view.get("acc-1")).toMatchObject({ balance: 700, transactions: 2 });
    await expectCode(() => view.apply(all[6]), "PROJECTION_GAP");
    expect(view.position).toBe(5);
  });

  it("hands out copies of its rows", async () => {
    const view = new AccountsProjection();
    await view.catchUp(await seeded());
    view.get("acc-1")!.balance = 1e9;
    expect(view.get("acc-1")!.balance).toBe(700);
  });
});
