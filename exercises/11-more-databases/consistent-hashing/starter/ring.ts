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

/** A consistent-hash ring: each shard owns `vnodes` points, a key goes to the next point clockwise. */
export class HashRing {
  constructor(options: { vnodes?: number } = {}) {
    // TODO: validate vnodes (default 100)
    void options;
  }

  add(shard: string): void {
    throw new Error("not implemented");
  }

  remove(shard: string): void {
    throw new Error("not implemented");
  }

  /** The shards on the ring, sorted by name. */
  shards(): string[] {
    throw new Error("not implemented");
  }

  shardFor(key: string): string {
    // Today every key goes through a modulo: adding a shard moves almost all of them.
    void hash32;
    throw new Error("not implemented");
  }
}
