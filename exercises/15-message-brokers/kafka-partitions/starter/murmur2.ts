/** Kafka's murmur2 (org.apache.kafka.common.utils.Utils.murmur2): a signed 32-bit hash of the bytes. */
export function murmur2(data: Uint8Array): number {
  // TODO: seed 0x9747b28c, m = 0x5bd1e995, r = 24 (see the README). Math.imul multiplies as Java's int does.
  void data;
  throw new Error("not implemented: murmur2");
}

/** The default partitioner for a keyed record. */
export function partitionFor(key: string, partitions: number): number {
  // TODO
  void key, partitions;
  throw new Error("not implemented: partitionFor");
}
