import { KafkaError, type LogRecord } from "./errors";
import { partitionFor } from "./murmur2";

/** A topic: an append-only log per partition. */
export class Topic {
  constructor(readonly partitions: number) {}

  send(key: string, value: string): { partition: number; offset: number } {
    // TODO
    void partitionFor, key, value;
    throw new Error("not implemented: send");
  }

  read(partition: number, fromOffset: number, max: number): LogRecord[] {
    // TODO
    void KafkaError, partition, fromOffset, max;
    throw new Error("not implemented: read");
  }
}

/** Kafka's RangeAssignor for one topic. */
export function rangeAssign(members: string[], partitions: number): Record<string, number[]> {
  // TODO
  void members, partitions;
  throw new Error("not implemented: rangeAssign");
}

export class ConsumerGroup {
  constructor(private readonly topic: Topic) {}

  join(member: string): void {
    // TODO
    void member, this.topic;
    throw new Error("not implemented: join");
  }

  leave(member: string): void {
    void member;
    throw new Error("not implemented: leave");
  }

  assignment(): Record<string, number[]> {
    throw new Error("not implemented: assignment");
  }

  poll(member: string, max: number): LogRecord[] {
    void member, max;
    throw new Error("not implemented: poll");
  }

  commit(member: string): void {
    void member;
    throw new Error("not implemented: commit");
  }

  committed(partition: number): number {
    void partition;
    throw new Error("not implemented: committed");
  }
}
