/** The AMQP 0-9-1 reply codes this broker uses (RabbitMQ closes the channel with these). */
export type AmqpErrorCode =
  | "NOT_FOUND" // 404: no queue with that name
  | "PRECONDITION_FAILED"; // 406: unknown delivery tag, or a queue re-declared with other arguments

export class AmqpError extends Error {
  constructor(readonly code: AmqpErrorCode, detail: string) {
    super(`${code} - ${detail}`);
    this.name = "AmqpError";
  }
}

export interface QueueOptions {
  /** Where rejected messages go (a queue name); without it they are dropped. */
  deadLetterQueue?: string;
  /** Deliveries allowed per message; a requeue after the last one dead-letters it. */
  deliveryLimit?: number;
}

export interface Delivery {
  deliveryTag: number;
  routingKey: string;
  body: string;
  /** true when this message was delivered before (requeued). */
  redelivered: boolean;
  /** How many times this message has been delivered from this queue, this time included. */
  deliveryCount: number;
  /** Set on a dead-lettered message: why it was dead-lettered, and from which queue. */
  death?: { reason: "rejected" | "delivery_limit"; queue: string };
}
