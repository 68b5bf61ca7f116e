import { AmqpError, type Delivery, type QueueOptions } from "./errors";
import { matches } from "./topic";

/** One topic exchange and its queues. */
export class TopicBroker {
  /** Mandatory messages no queue took (AMQP's basic.return). */
  readonly returned: { routingKey: string; body: string }[] = [];

  declareQueue(name: string, options: QueueOptions = {}): void {
    // TODO
    void name, options, AmqpError;
    throw new Error("not implemented: declareQueue");
  }

  bind(queue: string, bindingKey: string): void {
    void queue, bindingKey, matches;
    throw new Error("not implemented: bind");
  }

  publish(routingKey: string, body: string, options: { mandatory?: boolean } = {}): number {
    void routingKey, body, options;
    throw new Error("not implemented: publish");
  }

  get(queue: string): Delivery | undefined {
    void queue;
    throw new Error("not implemented: get");
  }

  ack(deliveryTag: number): void {
    void deliveryTag;
    throw new Error("not implemented: ack");
  }

  nack(deliveryTag: number, requeue: boolean): void {
    void deliveryTag, requeue;
    throw new Error("not implemented: nack");
  }

  depth(queue: string): number {
    void queue;
    throw new Error("not implemented: depth");
  }
}
