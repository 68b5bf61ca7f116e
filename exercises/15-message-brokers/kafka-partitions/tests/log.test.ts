import { describe, expect, it } from "vitest";
import { KafkaError } from "../errors";
import { ConsumerGroup, rangeAssign, Topic } from "../log";
import { partitionFor } from "../murmur2";

function codeOf(action: () => unknown): string | undefined {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(KafkaError);
    return (error as KafkaError).code;
  }
  return undefined;
}

/** A topic of 4 partitions with `count` records per key for keys order-1 … order-n. */
function filled(keys: number, count: number): Topic {
  const topic = new Topic(4);
  for (let i = 0; i < count; i++) for (let k = 1; k <= keys; k++) topic.send(`order-${k}`, `event ${i}`);
  return topic;
}

describe("Topic", () => {
  it("appends each record to its key's partition with the next offset of that partition", () => {
    const topic = new Topic(4);
    expect(topic.send("foobar", "a")).toEqual({ partition: 2, offset: 0 });
    expect(topic.send("21", "b")).toEqual({ partition: 0, offset: 0 });
    expect(topic.send("foobar", "c")).toEqual({ partition: 2, offset: 1 });
    expect(topic.read(2, 0, 10)).toEqual([
      { partition: 2, offset: 0, key: "foobar", value: "a" },
      { partition: 2, offset: 1, key: "foobar", value: "c" },
    ]);
  });

  it("reads at most max records from an offset, and nothing past the end", () => {
    const topic = new Topic(1);
    for (const value of ["a", "b", "c", "d"]) topic.send("k", value);
    expect(topic.read(0, 1, 2).map((r) => r.value)).toEqual(["b", "c"]);
    expect(topic.read(0, 3, 10).map((r) => r.value)).toEqual(["d"]);
    expect(topic.read(0, 4, 10)).toEqual([]);
  });

  it("refuses a partition it does not have", () => {
    const topic = new Topic(3);
    for (const partition of [-1, 3, 1.5]) expect(codeOf(() => topic.read(partition, 0, 1))).toBe("INVALID_PARTITION");
  });
});

describe("rangeAssign", () => {
  it("gives members, sorted by id, contiguous ranges; the first ones get the extra partitions", () => {
    expect(rangeAssign(["c", "a", "b"], 7)).toEqual({ a: [0, 1, 2], b: [3, 4], c: [5, 6] });
    expect(rangeAssign(["m2", "m1"], 4)).toEqual({ m1: [0, 1], m2: [2, 3] });
  });

  it("leaves members beyond the partition count with nothing", () => {
    expect(rangeAssign(["z", "y", "x"], 2)).toEqual({ x: [0], y: [1], z: [] });
  });
});

describe("ConsumerGroup", () => {
  it("gives a lone member every partition and polls them in partition order, up to max", () => {
    const topic = filled(3, 2);
    const group = new ConsumerGroup(topic);
    group.join("a");
    expect(group.assignment()).toEqual({ a: [0, 1, 2, 3] });
    const all = [0, 1, 2, 3].flatMap((p) => topic.read(p, 0, 100));
    const first = group.poll("a", 4);
    const rest = group.poll("a", 100);
    expect([...first, ...rest]).toEqual(all);
    expect(first).toHaveLength(4);
    expect(group.poll("a", 100)).toEqual([]);
  });

  it("keeps every key's records in the order they were sent", () => {
    const group = new ConsumerGroup(filled(6, 5));
    group.join("a");
    group.join("b");
    const seen = new Map<string, string[]>();
    for (const member of ["a", "b"]) {
      for (const record of group.poll(member, 1000)) seen.set(record.key, [...(seen.get(record.key) ?? []), record.value]);
    }
    expect(seen.size).toBe(6);
    for (const values of seen.values()) expect(values).toEqual(["event 0", "event 1", "event 2", "event 3", "event 4"]);
  });

  it("commits the offset of the next record to read, per partition", () => {
    const topic = new Topic(4);
    for (const value of ["a", "b", "c"]) topic.send("foobar", value); // partition 2
    const group = new ConsumerGroup(topic);
    group.join("a");
    expect(group.committed(2)).toBe(0);
    group.poll("a", 2);
    expect(group.committed(2)).toBe(0);
    group.commit("a");
    expect(group.committed(2)).toBe(2);
    expect(group.committed(0)).toBe(0);
  });

  it("rebalances on join with the range assignment", () => {
    const group = new ConsumerGroup(new Topic(4));
    group.join("b");
    group.join("a");
    expect(group.assignment()).toEqual({ a: [0, 1], b: [2, 3] });
    group.leave("a");
    expect(group.assignment()).toEqual({ b: [0, 1, 2, 3] });
  });

  it("redelivers what a crashed member read but never committed (at-least-once)", () => {
    const topic = new Topic(4);
    for (const value of ["a", "b", "c", "d"]) topic.send("foobar", value);
    const group = new ConsumerGroup(topic);
    group.join("a");
    group.poll("a", 1);
    group.commit("a");
    expect(group.poll("a", 2).map((r) => r.value)).toEqual(["b", "c"]);
    group.join("b"); // partition 2 is now b's
    group.leave("a"); // and a dies before committing
    expect(group.assignment()).toEqual({ b: [0, 1, 2, 3] });
    expect(group.poll("b", 10).map((r) => r.value)).toEqual(["b", "c", "d"]);
  });

  it("starts a new owner at the committed offset after a rebalance, also for the member that stays", () => {
    const topic = new Topic(4);
    for (const value of ["a", "b", "c"]) topic.send("21", value); // partition 0
    const group = new ConsumerGroup(topic);
    group.join("a");
    group.poll("a", 3);
    group.join("b"); // a keeps partition 0, but its position goes back to the committed 0
    expect(group.assignment().a).toContain(partitionFor("21", 4));
    expect(group.poll("a", 10).map((r) => r.value)).toEqual(["a", "b", "c"]);
    group.commit("a");
    group.leave("a");
    expect(group.poll("b", 10)).toEqual([]);
  });

  it("refuses strangers and a second join with the same id", () => {
    const group = new ConsumerGroup(new Topic(2));
    group.join("a");
    expect(codeOf(() => group.join("a"))).toBe("DUPLICATE_MEMBER");
    expect(codeOf(() => group.poll("x", 1))).toBe("UNKNOWN_MEMBER");
    expect(codeOf(() => group.commit("x"))).toBe("UNKNOWN_MEMBER");
    expect(codeOf(() => group.leave("x"))).toBe("UNKNOWN_MEMBER");
  });
});
