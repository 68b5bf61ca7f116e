import { beforeEach, describe, expect, it } from "vitest";
import { createRedis, type Redis } from "@roadlab/redis";
import { Leaderboard } from "../leaderboard";

let redis: Redis;
beforeEach(async () => {
  redis = await createRedis();
});

const board = (options?: { maxEntries?: number }) => new Leaderboard(redis, "spring", options);

/** Twelve players, p01 best (1200 points) down to p12 (100 points), each submitted at second 10. */
async function twelve(lb: Leaderboard) {
  for (let i = 1; i <= 12; i++) await lb.submit(`p${String(i).padStart(2, "0")}`, (13 - i) * 100, 10);
}

describe("submit", () => {
  it("stores points × 10^9 + (999999999 − seconds) in the sorted set leaderboard:<name>", async () => {
    expect(await board().submit("ann", 120, 30)).toEqual({ improved: true, best: 120 });
    expect(await redis.zscore("leaderboard:spring", "ann")).toBe(String(120 * 1e9 + 999_999_969));
    expect(await redis.zcard("leaderboard:spring")).toBe(1);
    expect(await redis.zcard("leaderboard:autumn")).toBe(0);
  });

  it("keeps each player's best score only", async () => {
    const lb = board();
    await lb.submit("ann", 120, 10);
    expect(await lb.submit("ann", 80, 20)).toEqual({ improved: false, best: 120 });
    expect(await lb.submit("ann", 150, 30)).toEqual({ improved: true, best: 150 });
    expect(await lb.top()).toEqual([{ rank: 1, player: "ann", points: 150 }]);
  });

  it("ranks equal points by who reached them first, and repeating a score keeps the first time", async () => {
    const lb = board();
    await lb.submit("ann", 100, 10);
    await lb.submit("bob", 100, 5);
    await lb.submit("cat", 100, 20);
    expect(await lb.submit("ann", 100, 50)).toEqual({ improved: false, best: 100 });
    expect((await lb.top()).map((e) => e.player)).toEqual(["bob", "ann", "cat"]);
  });

  it("is atomic: two submits at once keep the higher score", async () => {
    const lb = board();
    await Promise.all([lb.submit("ann", 900, 10), lb.submit("ann", 500, 11)]);
    expect(await lb.top()).toEqual([{ rank: 1, player: "ann", points: 900 }]);
  });

  it("rejects points outside 0 to 1000000, bad seconds and an empty name with INVALID", async () => {
    const lb = board();
    for (const [player, points, seconds] of [["ann", -1, 0], ["ann", 1.5, 0], ["ann", 1_000_001, 0], ["ann", 5, -1], ["ann", 5, 1e9], ["", 5, 0]] as const) {
      await expect(lb.submit(player, points, seconds)).rejects.toMatchObject({ code: "INVALID" });
    }
    expect(await lb.submit("ann", 1_000_000, 999_999_999)).toEqual({ improved: true, best: 1_000_000 });
    expect(await lb.submit("bob", 0, 0)).toEqual({ improved: true, best: 0 });
    expect(await redis.zcard("leaderboard:spring")).toBe(2);
  });

  it("keeps only the best maxEntries players; a score below the cut is not on the board", async () => {
    const lb = board({ maxEntries: 3 });
    await lb.submit("ann", 300, 1);
    await lb.submit("bob", 200, 1);
    await lb.submit("cat", 100, 1);
    expect(await lb.submit("dan", 250, 2)).toEqual({ improved: true, best: 250 });
    expect((await lb.top()).map((e) => e.player)).toEqual(["ann", "dan", "bob"]);
    expect(await lb.rank("cat")).toBeNull();
    expect(await lb.submit("eve", 50, 3)).toEqual({ improved: false, best: null });
    expect(await redis.zcard("leaderboard:spring")).toBe(3);
  });
});

describe("reading the board", () => {
  it("gives 1-based ranks, and null for a player not on the board", async () => {
    const lb = board();
    await twelve(lb);
    expect(await lb.rank("p01")).toBe(1);
    expect(await lb.rank("p07")).toBe(7);
    expect(await lb.rank("nobody")).toBeNull();
  });

  it("pages from the top with ranks and points", async () => {
    const lb = board();
    await twelve(lb);
    expect(await lb.top(1, 3)).toEqual([
      { rank: 1, player: "p01", points: 1200 },
      { rank: 2, player: "p02", points: 1100 },
      { rank: 3, player: "p03", points: 1000 },
    ]);
    expect(await lb.top(3, 5)).toEqual([
      { rank: 11, player: "p11", points: 200 },
      { rank: 12, player: "p12", points: 100 },
    ]);
    expect(await lb.top(4, 5)).toEqual([]);
    expect(await lb.top()).toHaveLength(10);
    await expect(lb.top(0, 5)).rejects.toMatchObject({ code: "INVALID" });
    await expect(lb.top(1, 101)).rejects.toMatchObject({ code: "INVALID" });
  });

  it("shows the players around me, radius places either side", async () => {
    const lb = board();
    await twelve(lb);
    expect((await lb.around("p06")).map((e) => e.rank)).toEqual([4, 5, 6, 7, 8]);
    expect(await lb.around("p06", 0)).toEqual([{ rank: 6, player: "p06", points: 700 }]);
    expect(await lb.around("p12", 1)).toEqual([
      { rank: 11, player: "p11", points: 200 },
      { rank: 12, player: "p12", points: 100 },
    ]);
  });

  it("clips the window at the top of the board, and is empty for a player not on it", async () => {
    const lb = board();
    await twelve(lb);
    expect((await lb.around("p01", 2)).map((e) => e.player)).toEqual(["p01", "p02", "p03"]);
    expect((await lb.around("p02", 3)).map((e) => e.rank)).toEqual([1, 2, 3, 4, 5]);
    expect(await lb.around("nobody")).toEqual([]);
    await expect(lb.around("p01", -1)).rejects.toMatchObject({ code: "INVALID" });
    await expect(lb.around("p01", 51)).rejects.toMatchObject({ code: "INVALID" });
  });
});
