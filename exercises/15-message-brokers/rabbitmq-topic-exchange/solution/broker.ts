import { AmqpError, type Delivery, type QueueOptions } from "./errors";
import { matches } from "./topic";

interface Message {
  routingKey: string;
  body: string;
  deliveries: number;
  death?: Delivery["death"];
}

interface Queue {
  options: QueueOptions;
  ready: Message[];
}

/** One topic exchange and its queues, as a RabbitMQ virtual host with a single exchange. */
export class TopicBroker {
  private readonly queues = new Map<string, Queue>();
  private readonly bindings: { queue: string; key: string }[] = [];
  private readonly unacked = new Map<number, { queue: string; message: Message }>();
  private nextTag = 1;
  /** Mandatory messages no queue took (AMQP's basic.return). */
  readonly returned: { routingKey: string; body: string }[] = [];

  declareQueue(name: string, options: QueueOptions = {}): void {
    const existing = this.queues.get(name);
    if (existing) {
      const same = existing.options.deadLetterQueue === options.deadLetterQueue && existing.options.deliveryLimit === options.deliveryLimit;
      if (!same) throw new AmqpError("PRECONDITION_FAILED", `inequivalent arguments for queue '${name}'`);
      return;
    }
    this.queues.set(name, { options: { ...options }, ready: [] });
  }

  bind(queue: string, bindingKey: string): void {
    this.queue(queue);
    if (!this.bindings.some((b) => b.queue === queue && b.key === bindingKey)) this.bindings.push({ queue, key: bindingKey });
  }

  /** Routes to every queue with a matching binding, once per queue; returns how many queues took it. */
  publish(routingKey: string, body: string, options: { mandatory?: boolean } = {}): number {
    const targets = new Set(this.bindings.filter((b) => matches(b.key, routingKey)).map((b) => b.queue));
    for (const name of targets) this.queue(name).ready.push({ routingKey, body, deliveries: 0 });
    if (targets.size === 0 && options.mandatory) this.returned.push({ routingKey, body });
    return targets.size;
  }

  /** basic.get with manual acks: the oldest ready message, now unacked until ack or nack. */
  get(queue: string): Delivery | undefined {
    const message = this.queue(queue).ready.shift();
    if (!message) return undefined;
    message.deliveries += 1;
    const deliveryTag = this.nextTag++;
    this.unacked.set(deliveryTag, { queue, message });
    return {
      deliveryTag,
      routingKey: message.routingKey,
      body: message.body,
      redelivered: message.deliveries > 1,
      deliveryCount: message.deliveries,
      ...(message.death ? { death: { ...message.death } } : {}),
    };
  }

  ack(deliveryTag: number): void {
    this.settle(deliveryTag);
  }

  nack(deliveryTag: number, requeue: boolean): void {
    const { queue, message } = this.settle(deliveryTag);
    const { deliveryLimit, deadLetterQueue } = this.queue(queue).options;
    if (requeue && (deliveryLimit === undefined || message.deliveries < deliveryLimit)) {
      // Back at the front, where it was: the next get() sees it again first.
      this.queue(queue).ready.unshift(message);
      return;
    }
    if (deadLetterQueue === undefined) return;
    this.queue(deadLetterQueue).ready.push({
      routingKey: message.routingKey,
      body: message.body,
      deliveries: 0,
      death: { reason: requeue ? "delivery_limit" : "rejected", queue },
    });
  }

  /** How many messages wait in `queue`, not counting unacked ones. */
  depth(queue: string): number {
    return this.queue(queue).ready.length;
  }

  private settle(deliveryTag: number) {
    const entry = this.unacked.get(deliveryTag);
    if (!entry) throw new AmqpError("PRECONDITION_FAILED", `unknown delivery tag ${deliveryTag}`);
    this.unacked.delete(deliveryTag);
    return entry;
  }

  private queue(name: string): Queue {
    const queue = this.queues.get(name);
    if (!queue) throw new AmqpError("NOT_FOUND", `no queue '${name}'`);
    return queue;
  }
}
