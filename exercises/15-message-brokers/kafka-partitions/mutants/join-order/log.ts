import { KafkaError, type LogRecord } from "./errors";
import { partitionFor } from "./murmur2";

/** A topic: an append-only log per partition. */
export class Topic {
  private readonly logs: LogRecord[][];

  constructor(readonly partitions: number) {
    this.logs = Array.from({ length: partitions }, () => []);
  }

  send(key: string, value: string): { partition: number; offset: number } {
    const partition = partitionFor(key, this.partitions);
    const log = this.logs[partition];
    const record = { partition, offset: log.length, key, value };
    log.push(record);
    return { partition, offset: record.offset };
  }

  read(partition: number, fromOffset: number, max: number): LogRecord[] {
    if (!Number.isInteger(partition) || partition < 0 || partition >= this.partitions) {
      throw new KafkaError("INVALID_PARTITION", `partition ${partition} of ${this.partitions}`);
    }
    return this.logs[partition].slice(fromOffset, fromOffset + max).map((record) => ({ ...record }));
  }
}

/** Kafka's RangeAssignor for one topic: members in id order, contiguous ranges, the first ones one extra. */
export function rangeAssign(members: string[], partitions: number): Record<string, number[]> {
  const sorted = [...members];
  const each = Math.floor(partitions / sorted.length);
  const extra = partitions % sorted.length;
  const result: Record<string, number[]> = {};
  sorted.forEach((member, i) => {
    const start = i * each + Math.min(i, extra);
    const count = each + (i < extra ? 1 : 0);
    result[member] = Array.from({ length: count }, (_, j) => start + j);
  });
  return result;
}

export class ConsumerGroup {
  private readonly members = new Set<string>();
  private owners: Record<string, number[]> = {};
  private readonly committedOffsets = new Map<number, number>();
  /** Where each partition's owner will read next; reset to the committed offset on every rebalance. */
  private positions = new Map<number, number>();

  constructor(private readonly topic: Topic) {}

  join(member: string): void {
    if (this.members.has(member)) throw new KafkaError("DUPLICATE_MEMBER", member);
    this.members.add(member);
    this.rebalance();
  }

  /** A clean leave and a crash look the same here: whatever was not committed is read again. */
  leave(member: string): void {
    this.owned(member);
    this.members.delete(member);
    this.rebalance();
  }

  assignment(): Record<string, number[]> {
    return structuredClone(this.owners);
  }

  poll(member: string, max: number): LogRecord[] {
    const records: LogRecord[] = [];
    for (const partition of this.owned(member)) {
      if (records.length >= max) break;
      const from = this.positions.get(partition)!;
      const batch = this.topic.read(partition, from, max - records.length);
      this.positions.set(partition, from + batch.length);
      records.push(...batch);
    }
    return records;
  }

  /** Commits, for each partition the member owns, the offset of the next record it will read. */
  commit(member: string): void {
    for (const partition of this.owned(member)) this.committedOffsets.set(partition, this.positions.get(partition)!);
  }

  committed(partition: number): number {
    return this.committedOffsets.get(partition) ?? 0;
  }

  private owned(member: string): number[] {
    if (!this.members.has(member)) throw new KafkaError("UNKNOWN_MEMBER", member);
    return this.owners[member];
  }

  private rebalance(): void {
    this.owners = this.members.size ? rangeAssign([...this.members], this.topic.partitions) : {};
    this.positions = new Map(Array.from({ length: this.topic.partitions }, (_, p) => [p, this.committed(p)]));
  }
}
