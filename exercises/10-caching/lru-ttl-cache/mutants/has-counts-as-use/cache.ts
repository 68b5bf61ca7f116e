/** Milliseconds since some fixed moment; tests pass a fake one. */
export type Clock = () => number;

export interface CacheOptions {
  /** How many entries the cache may hold: an integer ≥ 1. */
  maxEntries: number;
  /** Expiry for entries set without their own ttl, in ms; omitted = never expire. */
  defaultTtlMs?: number;
  clock?: Clock;
}

export interface CacheStats {
  hits: number;
  misses: number;
  /** Live entries dropped to make room (expired entries removed do not count). */
  evictions: number;
}

interface Entry<V> {
  value: V;
  /** Absolute time from which the entry is gone; Infinity = never. */
  expiresAt: number;
}

export class LruCache<V> {
  // A Map iterates in insertion order: the first key is the least recently used one.
  private readonly entries = new Map<string, Entry<V>>();
  private readonly maxEntries: number;
  private readonly defaultTtlMs: number | undefined;
  private readonly clock: Clock;
  private counts: CacheStats = { hits: 0, misses: 0, evictions: 0 };

  constructor(options: CacheOptions) {
    if (!Number.isInteger(options.maxEntries) || options.maxEntries < 1) {
      throw new RangeError(`maxEntries must be an integer ≥ 1, got ${options.maxEntries}`);
    }
    if (options.defaultTtlMs !== undefined) assertTtl(options.defaultTtlMs);
    this.maxEntries = options.maxEntries;
    this.defaultTtlMs = options.defaultTtlMs;
    this.clock = options.clock ?? Date.now;
  }

  get(key: string): V | undefined {
    const entry = this.live(key);
    if (!entry) {
      this.counts.misses++;
      return undefined;
    }
    this.counts.hits++;
    this.entries.delete(key); // re-insert: moves the key to the most recent end
    this.entries.set(key, entry);
    return entry.value;
  }

  set(key: string, value: V, ttlMs?: number): void {
    if (ttlMs !== undefined) assertTtl(ttlMs);
    const ttl = ttlMs ?? this.defaultTtlMs;
    const expiresAt = ttl === undefined ? Infinity : this.clock() + ttl;
    // An overwrite replaces an entry: it needs no room, so it must not evict anyone.
    if (!this.entries.delete(key) && this.entries.size >= this.maxEntries) this.makeRoom();
    this.entries.set(key, { value, expiresAt });
  }

  has(key: string): boolean {
    const entry = this.live(key);
    if (entry) {
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    return entry !== undefined;
  }

  delete(key: string): boolean {
    const wasLive = this.live(key) !== undefined;
    this.entries.delete(key);
    return wasLive;
  }

  keys(): string[] {
    const now = this.clock();
    return [...this.entries].filter(([, e]) => e.expiresAt > now).map(([k]) => k).reverse();
  }

  get size(): number {
    return this.keys().length;
  }

  stats(): CacheStats {
    return { ...this.counts };
  }

  /** The entry if present and not expired; an expired one is removed on the way (lazy expiry). */
  private live(key: string): Entry<V> | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.clock()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  /** Frees one slot: expired entries go first, and only if there are none does a live one go. */
  private makeRoom(): void {
    const now = this.clock();
    let freed = false;
    for (const [key, entry] of this.entries) {
      if (entry.expiresAt <= now) {
        this.entries.delete(key);
        freed = true;
      }
    }
    if (freed) return;
    const oldest = this.entries.keys().next().value as string;
    this.entries.delete(oldest);
    this.counts.evictions++;
  }
}

function assertTtl(ttl: number): void {
  if (!Number.isFinite(ttl) || ttl <= 0) throw new RangeError(`ttl must be a positive number of ms, got ${ttl}`);
}
