import { beforeEach, describe, expect, it } from "vitest";
import { createDb, type Db } from "@roadlab/db";
import { circles, friendsOfFriends, shortestPath } from "../graph";

let raw: Db;
let statements: number;
let db: Db;
beforeEach(async () => {
  raw = await createDb();
  statements = 0;
  db = {
    query: (sql, params) => (statements++, raw.query(sql, params)),
    exec: (sql) => (statements++, raw.exec(sql)),
    transaction: (fn) => raw.transaction(fn),
  };
});

describe("friendsOfFriends", () => {
  it("suggests people two steps away, not friends already, with their mutual friend count", async () => {
    expect(await friendsOfFriends(db, 1)).toEqual([
      { id: 4, name: "Dev", mutual: 2 },
      { id: 5, name: "Eli", mutual: 1 },
    ]);
  });

  it("follows friendships stored in either column, and orders by mutual friends then name", async () => {
    // Fay (6) appears only in column b of her friendships with Dev and Eli.
    expect(await friendsOfFriends(db, 6)).toEqual([
      { id: 3, name: "Cleo", mutual: 2 },
      { id: 2, name: "Ben", mutual: 1 },
      { id: 8, name: "Hana", mutual: 1 },
    ]);
  });

  it("is empty for someone without friends of friends, and sends one statement", async () => {
    expect(await friendsOfFriends(db, 13)).toEqual([]);
    expect(await friendsOfFriends(db, 11)).toEqual([]);
    expect(statements).toBe(2);
  });
});

describe("shortestPath", () => {
  it("finds the fewest hops, in both directions of each friendship", async () => {
    expect(await shortestPath(db, 1, 6)).toEqual([1, 2, 4, 6]);
    expect(await shortestPath(db, 6, 1)).toEqual([6, 4, 2, 1]);
    expect(await shortestPath(db, 5, 2)).toEqual([5, 3, 2]);
  });

  it("picks the smallest id array among equally short paths", async () => {
    // 1→6 can go 1-2-4-6, 1-3-4-6 or 1-3-5-6.
    expect(await shortestPath(db, 1, 6)).toEqual([1, 2, 4, 6]);
    expect(await shortestPath(db, 5, 4)).toEqual([5, 3, 4]);
  });

  it("gives up beyond maxDepth hops (default 6), and finds a path of exactly maxDepth", async () => {
    expect(await shortestPath(db, 1, 10)).toBeNull();
    expect(await shortestPath(db, 1, 9)).toEqual([1, 2, 4, 6, 7, 8, 9]);
    expect(await shortestPath(db, 10, 3, 6)).toEqual([10, 9, 8, 7, 6, 4, 3]);
    expect(await shortestPath(db, 1, 6, 2)).toBeNull();
    expect(await shortestPath(db, 1, 6, 3)).toEqual([1, 2, 4, 6]);
  });

  it("returns null for someone unreachable and [id] for the same person, one statement each", async () => {
    expect(await shortestPath(db, 1, 11)).toBeNull();
    expect(await shortestPath(db, 13, 1)).toBeNull();
    expect(await shortestPath(db, 4, 4)).toEqual([4]);
    expect(statements).toBe(3);
  });
});

describe("circles", () => {
  it("counts people at each distance, each at their shortest distance only", async () => {
    expect(await circles(db, 1)).toEqual([
      { depth: 1, count: 2 },
      { depth: 2, count: 2 },
      { depth: 3, count: 1 },
    ]);
    expect(await circles(db, 1, 6)).toEqual([1, 2, 3, 4, 5, 6].map((depth) => ({ depth, count: [2, 2, 1, 1, 1, 1][depth - 1] })));
    expect(await circles(db, 6, 2)).toEqual([
      { depth: 1, count: 3 },
      { depth: 2, count: 3 },
    ]);
  });

  it("stops at maxDepth, leaves empty circles out, and sends one statement", async () => {
    expect(await circles(db, 1, 1)).toEqual([{ depth: 1, count: 2 }]);
    expect(await circles(db, 11, 3)).toEqual([{ depth: 1, count: 1 }]);
    expect(await circles(db, 13)).toEqual([]);
    expect(statements).toBe(3);
  });

  it("rejects a maxDepth that is not an integer from 1 to 6 with INVALID", async () => {
    for (const depth of [0, 7, 2.5]) {
      await expect(circles(db, 1, depth)).rejects.toMatchObject({ code: "INVALID" });
      await expect(shortestPath(db, 1, 2, depth)).rejects.toMatchObject({ code: "INVALID" });
    }
  });
});
