const SEED = 0x9747b28c;
const M = 0x5bd1e995;

/** Kafka's murmur2 (org.apache.kafka.common.utils.Utils.murmur2): a signed 32-bit hash of the bytes. */
export function murmur2(data: Uint8Array): number {
  const length = data.length;
  let h = SEED ^ length;
  const whole = length & ~3;
  for (let i = 0; i < whole; i += 4) {
    let k = data[i] | (data[i + 1] << 8) | (data[i + 2] << 16) | (data[i + 3] << 24);
    k = Math.imul(k, M);
    k ^= k >>> 24;
    k = Math.imul(k, M);
    h = Math.imul(h, M) ^ k;
  }
  // The tail falls through on purpose, as in Kafka's switch without breaks.
  const rest = length % 4;
  if (rest === 3) h ^= data[whole + 2] << 16;
  else if (rest === 2) h ^= data[whole + 1] << 8;
  else if (rest === 1) h ^= data[whole];
  if (rest > 0) h = Math.imul(h, M);
  h ^= h >>> 13;
  h = Math.imul(h, M);
  h ^= h >>> 15;
  return h | 0;
}

/** The default partitioner for a keyed record: toPositive(murmur2(utf8(key))) % partitions. */
export function partitionFor(key: string, partitions: number): number {
  // toPositive masks the sign bit; Math.abs would differ for every negative hash.
  return (murmur2(new TextEncoder().encode(key)) & 0x7fffffff) % partitions;
}
