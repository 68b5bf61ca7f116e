import { describe, expect, it } from "vitest";
import { TopicBroker } from "../broker";
import { AmqpError } from "../errors";

function codeOf(action: () => unknown): string | undefined {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(AmqpError);
    return (error as AmqpError).code;
  }
  return undefined;
}

function shop() {
  const broker = new TopicBroker();
  for (const queue of ["billing", "shipping", "audit"]) broker.declareQueue(queue);
  broker.bind("billing", "order.*.paid");
  broker.bind("shipping", "order.eu.#");
  broker.bind("audit", "#");
  return broker;
}

const bodies = (broker: TopicBroker, queue: string) => {
  const out: string[] = [];
  for (let d = broker.get(queue); d; d = broker.get(queue)) {
    out.push(d.body);
    broker.ack(d.deliveryTag);
  }
  return out;
};

describe("routing", () => {
  it("copies a message to every queue with a matching binding", () => {
    const broker = shop();
    expect(broker.publish("order.eu.paid", "m1")).toBe(3);
    expect(broker.publish("order.us.paid", "m2")).toBe(2);
    expect(broker.publish("order.eu", "m3")).toBe(2);
    expect(bodies(broker, "billing")).toEqual(["m1", "m2"]);
    expect(bodies(broker, "shipping")).toEqual(["m1", "m3"]);
    expect(bodies(broker, "audit")).toEqual(["m1", "m2", "m3"]);
  });

  it("puts one copy in a queue even when several of its bindings match", () => {
    const broker = shop();
    broker.bind("billing", "order.#");
    broker.bind("billing", "order.#");
    expect(broker.publish("order.eu.paid", "m1")).toBe(3);
    expect(broker.depth("billing")).toBe(1);
  });

  it("drops an unroutable message, or returns it when it was mandatory", () => {
    const broker = new TopicBroker();
    broker.declareQueue("billing");
    broker.bind("billing", "order.*.paid");
    expect(broker.publish("invoice.sent", "lost")).toBe(0);
    expect(broker.returned).toEqual([]);
    expect(broker.publish("invoice.sent", "back", { mandatory: true })).toBe(0);
    expect(broker.publish("order.eu.paid", "kept", { mandatory: true })).toBe(1);
    expect(broker.returned).toEqual([{ routingKey: "invoice.sent", body: "back" }]);
  });

  it("refuses a binding to an undeclared queue, and a re-declare with other arguments", () => {
    const broker = shop();
    expect(codeOf(() => broker.bind("nope", "#"))).toBe("NOT_FOUND");
    expect(codeOf(() => broker.get("nope"))).toBe("NOT_FOUND");
    expect(() => broker.declareQueue("billing")).not.toThrow();
    expect(codeOf(() => broker.declareQueue("billing", { deliveryLimit: 3 }))).toBe("PRECONDITION_FAILED");
  });
});

describe("acknowledgements", () => {
  it("hands out messages oldest first, with delivery tags, routing key and count", () => {
    const broker = shop();
    broker.publish("order.eu.paid", "m1");
    broker.publish("order.us.paid", "m2");
    const first = broker.get("billing")!;
    const second = broker.get("billing")!;
    expect(first).toMatchObject({ routingKey: "order.eu.paid", body: "m1", redelivered: false, deliveryCount: 1 });
    expect(second).toMatchObject({ body: "m2" });
    expect(second.deliveryTag).not.toBe(first.deliveryTag);
    expect(broker.get("billing")).toBeUndefined();
    expect(broker.depth("billing")).toBe(0);
  });

  it("puts a nacked message back at the front, marked redelivered", () => {
    const broker = shop();
    broker.publish("order.eu.paid", "m1");
    broker.publish("order.eu.paid", "m2");
    broker.nack(broker.get("billing")!.deliveryTag, true);
    expect(broker.depth("billing")).toBe(2);
    expect(broker.get("billing")).toMatchObject({ body: "m1", redelivered: true, deliveryCount: 2 });
  });

  it("refuses an unknown delivery tag, and a tag settled already", () => {
    const broker = shop();
    broker.publish("order.eu.paid", "m1");
    const d = broker.get("billing")!;
    broker.ack(d.deliveryTag);
    expect(codeOf(() => broker.ack(d.deliveryTag))).toBe("PRECONDITION_FAILED");
    expect(codeOf(() => broker.nack(d.deliveryTag, true))).toBe("PRECONDITION_FAILED");
    expect(codeOf(() => broker.ack(999))).toBe("PRECONDITION_FAILED");
    expect(broker.depth("billing")).toBe(0);
  });
});

describe("dead letters", () => {
  function withDeadLetters(deliveryLimit?: number) {
    const broker = new TopicBroker();
    broker.declareQueue("dead");
    broker.declareQueue("work", { deadLetterQueue: "dead", ...(deliveryLimit ? { deliveryLimit } : {}) });
    broker.bind("work", "job.#");
    return broker;
  }

  it("dead-letters a message nacked without requeue, saying why and from where", () => {
    const broker = withDeadLetters();
    broker.publish("job.resize", "img-1");
    broker.nack(broker.get("work")!.deliveryTag, false);
    expect(broker.depth("work")).toBe(0);
    expect(broker.get("dead")).toMatchObject({
      routingKey: "job.resize",
      body: "img-1",
      redelivered: false,
      deliveryCount: 1,
      death: { reason: "rejected", queue: "work" },
    });
  });

  it("drops a rejected message when the queue has no dead-letter queue", () => {
    const broker = shop();
    broker.publish("order.eu.paid", "m1");
    broker.nack(broker.get("billing")!.deliveryTag, false);
    expect(broker.depth("billing")).toBe(0);
  });

  it("dead-letters a message after deliveryLimit deliveries, however often it is requeued", () => {
    const broker = withDeadLetters(3);
    broker.publish("job.resize", "poison");
    const counts: number[] = [];
    for (let d = broker.get("work"); d; d = broker.get("work")) {
      counts.push(d.deliveryCount);
      broker.nack(d.deliveryTag, true);
    }
    expect(counts).toEqual([1, 2, 3]);
    expect(broker.get("dead")).toMatchObject({ body: "poison", death: { reason: "delivery_limit", queue: "work" } });
  });

  it("requeues without limit when there is no deliveryLimit", () => {
    const broker = withDeadLetters();
    broker.publish("job.resize", "retry-me");
    for (let i = 0; i < 10; i++) broker.nack(broker.get("work")!.deliveryTag, true);
    expect(broker.get("work")).toMatchObject({ deliveryCount: 11 });
    expect(broker.depth("dead")).toBe(0);
  });
});
