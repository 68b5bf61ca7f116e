import { describe, expect, it } from "vitest";
import { InMemoryEventStore } from "../event-store";
import { expectCode, opened } from "./helpers";

const deposit = (accountId: string, amount: number) => ({ type: "MoneyDeposited" as const, accountId, amount });

describe("InMemoryEventStore", () => {
  it("numbers versions per stream and positions across the store", async () => {
    const store = new InMemoryEventStore();
    await store.append("a", 0, [opened("a"), deposit("a", 5)]);
    await store.append("b", 0, [opened("b")]);
    const stored = await store.append("a", 2, [deposit("a", 7)]);
    expect(stored).toEqual([{ streamId: "a", version: 3, position: 4, event: deposit("a", 7) }]);
    expect((await store.read("a")).map((s) => [s.version, s.position])).toEqual([[1, 1], [2, 2], [3, 4]]);
    expect((await store.readAll()).map((s) => s.streamId)).toEqual(["a", "a", "b", "a"]);
    expect((await store.readAll(2)).map((s) => s.position)).toEqual([3, 4]);
    expect(await store.read("nobody")).toEqual([]);
  });

  it("refuses an append whose expected version is stale or ahead, and writes none of it", async () => {
    const store = new InMemoryEventStore();
    await store.append("a", 0, [opened("a")]);
    await expectCode(() => store.append("a", 0, [deposit("a", 1), deposit("a", 2)]), "CONCURRENCY_CONFLICT");
    await expectCode(() => store.append("a", 2, [deposit("a", 1)]), "CONCURRENCY_CONFLICT");
    await expectCode(() => store.append("new", 1, [opened("new")]), "CONCURRENCY_CONFLICT");
    expect(await store.readAll()).toHaveLength(1);
  });

  it("hands out copies, so history cannot be rewritten from outside", async () => {
    const store = new InMemoryEventStore();
    await store.append("a", 0, [opened("a"), deposit("a", 5)]);
    const read = await store.read("a");
    (read[1].event as { amount: number }).amount = 5_000_000;
    read.pop();
    expect(await store.read("a")).toHaveLength(2);
    expect((await store.readAll())[1].event).toEqual(deposit("a", 5));
  });
});
