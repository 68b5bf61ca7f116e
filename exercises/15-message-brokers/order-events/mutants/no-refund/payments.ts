import type { Broker } from "./broker";
import { EVENTS } from "./events";

export function createPayments(broker: Broker, initial: Record<string, number>) {
  const balances = new Map(Object.entries(initial));
  const charges = new Map<string, { customer: string; amountCents: number }>();
  const handled = new Set<string>();

  broker.subscribe(EVENTS.orderPlaced, (event) => {
    if (handled.has(event.orderId)) return;
    handled.add(event.orderId);
    const customer = String(event.data.customer);
    const amountCents = Number(event.data.totalCents);
    const balance = balances.get(customer) ?? 0;
    if (balance < amountCents) {
      broker.publish(EVENTS.paymentFailed, event.orderId, { reason: "INSUFFICIENT_FUNDS" });
      return;
    }
    balances.set(customer, balance - amountCents);
    charges.set(event.orderId, { customer, amountCents });
    broker.publish(EVENTS.paymentSucceeded, event.orderId, { amountCents });
  });

  broker.subscribe(EVENTS.orderCancelled, (event) => {
    handled.add(event.orderId);
    const charge = charges.get(event.orderId);
    if (!charge || charge) return;
    charges.delete(event.orderId);
    balances.set(charge.customer, balances.get(charge.customer)! + charge.amountCents);
    broker.publish(EVENTS.paymentRefunded, event.orderId, { amountCents: charge.amountCents });
  });

  return { balance: (customer: string) => balances.get(customer) ?? 0 };
}
