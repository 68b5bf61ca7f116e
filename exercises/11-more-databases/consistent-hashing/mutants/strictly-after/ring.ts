import { hash32 } from "./hash";

export type ShardErrorCode = "NO_SHARDS" | "DUPLICATE_SHARD" | "UNKNOWN_SHARD" | "BAD_VNODES";

export class ShardError extends Error {
  constructor(
    readonly code: ShardErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "ShardError";
  }
}

interface Point {
  position: number;
  shard: string;
}

/** A consistent-hash ring: each shard owns `vnodes` points, a key goes to the next point clockwise. */
export class HashRing {
  private readonly vnodes: number;
  private readonly members = new Set<string>();
  /** Sorted by position, then shard name: the order a lookup walks. */
  private points: Point[] = [];

  constructor(options: { vnodes?: number } = {}) {
    const vnodes = options.vnodes ?? 100;
    if (!Number.isInteger(vnodes) || vnodes < 1 || vnodes > 1000) {
      throw new ShardError("BAD_VNODES", `vnodes must be an integer from 1 to 1000, got ${vnodes}`);
    }
    this.vnodes = vnodes;
  }

  add(shard: string): void {
    if (this.members.has(shard)) throw new ShardError("DUPLICATE_SHARD", `shard ${shard} is already on the ring`);
    this.members.add(shard);
    for (let i = 0; i < this.vnodes; i++) this.points.push({ position: hash32(`${shard}#${i}`), shard });
    // Ties on a position go to the name that sorts first, so the ring does not depend on the order shards joined.
    this.points.sort((a, b) => a.position - b.position || (a.shard < b.shard ? -1 : a.shard > b.shard ? 1 : 0));
  }

  remove(shard: string): void {
    if (!this.members.delete(shard)) throw new ShardError("UNKNOWN_SHARD", `shard ${shard} is not on the ring`);
    this.points = this.points.filter((p) => p.shard !== shard);
  }

  shards(): string[] {
    return [...this.members].sort();
  }

  shardFor(key: string): string {
    if (this.points.length === 0) throw new ShardError("NO_SHARDS", "the ring has no shards");
    const position = hash32(key);
    // Binary search for the first point at or after the key's position: O(log n) per lookup.
    let low = 0;
    let high = this.points.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.points[mid].position <= position) low = mid + 1;
      else high = mid;
    }
    return this.points[low === this.points.length ? 0 : low].shard; // past the last point: wrap around
  }
}
