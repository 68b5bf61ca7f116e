/**
 * Read-only. A 32-bit hash of a string's UTF-8 bytes: FNV-1a, then murmur3's finaliser so that
 * similar strings ("db-a#1", "db-a#2") land far apart on the ring. Returns 0 … 2^32 − 1.
 */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    h ^= byte;
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
