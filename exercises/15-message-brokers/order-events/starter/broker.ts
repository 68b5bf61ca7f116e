/**
 * A small in-memory broker (read-only). Delivery is at-least-once and the tests control it:
 * they can take queued events out, deliver them in another order, or deliver one twice.
 */
export interface BrokerEvent {
  /** Unique per published event; a redelivery carries the same id. */
  id: string;
  type: string;
  orderId: string;
  data: Record<string, unknown>;
}

export type Handler = (event: BrokerEvent) => void;

export class Broker {
  private readonly handlers: { type: string; handler: Handler }[] = [];
  private queue: BrokerEvent[] = [];
  private sequence = 0;
  /** Every event ever published, oldest first. */
  readonly published: BrokerEvent[] = [];

  /** `type` "*" receives every event. Handlers run in the order they subscribed. */
  subscribe(type: string, handler: Handler): void {
    this.handlers.push({ type, handler });
  }

  /** Queues an event; it is delivered by drain() (or by the test). */
  publish(type: string, orderId: string, data: Record<string, unknown> = {}): BrokerEvent {
    const event = { id: `evt-${++this.sequence}`, type, orderId, data: structuredClone(data) };
    this.published.push(event);
    this.queue.push(event);
    return event;
  }

  /** Delivers one event to every matching subscriber, now. */
  deliver(event: BrokerEvent): void {
    for (const { type, handler } of this.handlers) {
      if (type === "*" || type === event.type) handler(structuredClone(event));
    }
  }

  /** Removes and returns the queued events without delivering them. */
  take(): BrokerEvent[] {
    const taken = this.queue;
    this.queue = [];
    return taken;
  }

  /** Delivers queued events, oldest first, until none is left (handlers may publish more). */
  drain(): void {
    for (let event = this.queue.shift(); event; event = this.queue.shift()) this.deliver(event);
  }
}
