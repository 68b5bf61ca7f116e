import { describe, expect, it } from "vitest";
import { hash32 } from "../hash";
import { HashRing, ShardError } from "../ring";

const KEYS = Array.from({ length: 5_000 }, (_, i) => `user:${i}`);

function ringOf(shards: string[], vnodes?: number): HashRing {
  const ring = new HashRing(vnodes === undefined ? {} : { vnodes });
  for (const s of shards) ring.add(s);
  return ring;
}

function placement(ring: HashRing): string[] {
  return KEYS.map((k) => ring.shardFor(k));
}

/** The README's rule, written plainly: all points sorted, first one at or after the key, else the first. */
function oracle(shards: string[], vnodes: number) {
  const points = shards
    .flatMap((s) => Array.from({ length: vnodes }, (_, i) => ({ position: hash32(`${s}#${i}`), shard: s })))
    .sort((a, b) => a.position - b.position || (a.shard < b.shard ? -1 : 1));
  return (key: string) => (points.find((p) => p.position >= hash32(key)) ?? points[0]).shard;
}

describe("placement", () => {
  it("follows the ring: the first point at or after hash32(key), with points at hash32(`${shard}#${i}`)", () => {
    const shards = ["db-a", "db-b", "db-c"];
    const ring = ringOf(shards, 3);
    const expected = oracle(shards, 3);
    const sample = KEYS.slice(0, 1000);
    expect(sample.map((k) => ring.shardFor(k))).toEqual(sample.map(expected));
  });

  it("sends a key that hashes exactly onto a point to that point's shard", () => {
    const ring = ringOf(["db-a", "db-b", "db-c", "db-d"], 5);
    for (const shard of ["db-a", "db-b", "db-c", "db-d"]) {
      for (let i = 0; i < 5; i++) expect(ring.shardFor(`${shard}#${i}`)).toBe(shard);
    }
  });

  it("wraps around: a key past the last point belongs to the shard of the first point", () => {
    const shards = ["db-a", "db-b"];
    const ring = ringOf(shards, 2);
    const last = Math.max(...shards.flatMap((s) => [0, 1].map((i) => hash32(`${s}#${i}`))));
    const beyond = KEYS.filter((k) => hash32(k) > last);
    expect(beyond.length).toBeGreaterThan(0);
    const expected = oracle(shards, 2);
    expect(beyond.map((k) => ring.shardFor(k))).toEqual(beyond.map(expected));
  });

  it("does not depend on the order the shards were added", () => {
    const one = placement(ringOf(["db-a", "db-b", "db-c", "db-d"], 20));
    const two = placement(ringOf(["db-d", "db-b", "db-a", "db-c"], 20));
    expect(two).toEqual(one);
  });

  it("sends every key to the only shard of a one-shard ring, and the same key always to the same shard", () => {
    expect(new Set(placement(ringOf(["solo"])))).toEqual(new Set(["solo"]));
    const ring = ringOf(["db-a", "db-b", "db-c"]);
    expect(placement(ring)).toEqual(placement(ring));
  });

  it("uses 100 virtual nodes by default and spreads 5,000 keys over 4 shards within ±20 % of the mean", () => {
    const shards = ["db-a", "db-b", "db-c", "db-d"];
    const ring = ringOf(shards);
    const expected = oracle(shards, 100);
    const sample = KEYS.slice(0, 300);
    expect(sample.map((k) => ring.shardFor(k))).toEqual(sample.map(expected));
    const counts = new Map<string, number>();
    for (const s of placement(ring)) counts.set(s, (counts.get(s) ?? 0) + 1);
    const mean = KEYS.length / shards.length;
    for (const s of shards) {
      expect(counts.get(s) ?? 0, s).toBeGreaterThan(mean * 0.8);
      expect(counts.get(s) ?? 0, s).toBeLessThan(mean * 1.2);
    }
  });
});

describe("resharding moves few keys", () => {
  it("adding a fifth shard moves about a fifth of the keys, and each moved key moves to the new shard", () => {
    const ring = ringOf(["db-a", "db-b", "db-c", "db-d"]);
    const before = placement(ring);
    ring.add("db-e");
    const after = placement(ring);
    const moved = KEYS.filter((_, i) => before[i] !== after[i]);
    expect(moved.length / KEYS.length).toBeGreaterThan(0.1);
    expect(moved.length / KEYS.length).toBeLessThan(0.3);
    expect(new Set(moved.map((k) => ring.shardFor(k)))).toEqual(new Set(["db-e"]));
  });

  it("removing a shard moves only the keys it held, and adding it back restores the old placement", () => {
    const ring = ringOf(["db-a", "db-b", "db-c", "db-d"]);
    const before = placement(ring);
    ring.remove("db-b");
    const after = placement(ring);
    expect(after).toEqual(before.map((shard, i) => (shard === "db-b" ? after[i] : shard)));
    expect(after).not.toContain("db-b");
    expect(ring.shards()).toEqual(["db-a", "db-c", "db-d"]);
    ring.add("db-b");
    expect(placement(ring)).toEqual(before);
  });
});

describe("errors and membership", () => {
  it("lists the shards sorted by name", () => {
    expect(ringOf(["db-c", "db-a", "db-b"]).shards()).toEqual(["db-a", "db-b", "db-c"]);
    expect(new HashRing().shards()).toEqual([]);
  });

  it("throws NO_SHARDS for a lookup on an empty ring, also after the last shard left", () => {
    expect(() => new HashRing().shardFor("k")).toThrow(expect.objectContaining({ code: "NO_SHARDS" }));
    const ring = ringOf(["db-a"]);
    ring.remove("db-a");
    expect(() => ring.shardFor("k")).toThrow(ShardError);
  });

  it("throws DUPLICATE_SHARD and UNKNOWN_SHARD, and leaves the ring as it was", () => {
    const ring = ringOf(["db-a", "db-b"], 10);
    const before = placement(ring);
    expect(() => ring.add("db-a")).toThrow(expect.objectContaining({ code: "DUPLICATE_SHARD" }));
    expect(() => ring.remove("db-z")).toThrow(expect.objectContaining({ code: "UNKNOWN_SHARD" }));
    expect(placement(ring)).toEqual(before);
    expect(ring.shards()).toEqual(["db-a", "db-b"]);
  });

  it.each([0, -3, 2.5, 1001, Number.NaN])("throws BAD_VNODES for vnodes %s", (vnodes) => {
    expect(() => new HashRing({ vnodes })).toThrow(expect.objectContaining({ code: "BAD_VNODES" }));
  });

  it("accepts the bounds 1 and 1000", () => {
    expect(ringOf(["db-a", "db-b"], 1).shardFor("k")).toBe(oracle(["db-a", "db-b"], 1)("k"));
    expect(ringOf(["db-a"], 1000).shardFor("k")).toBe("db-a");
  });
});
