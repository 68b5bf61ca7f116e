import { Broker, type BrokerEvent } from "../broker";
import { createAudit } from "../audit";
import { createInventory } from "../inventory";
import { createNotifications } from "../notifications";
import { createOrders } from "../orders";
import { createPayments } from "../payments";
import type { NewOrder } from "../events";

export function shop() {
  const broker = new Broker();
  const emails: { to: string; subject: string }[] = [];
  const orders = createOrders(broker);
  const inventory = createInventory(broker, { mug: 5, lamp: 1 });
  const payments = createPayments(broker, { ann: 10_000, bob: 500 });
  createNotifications(broker, { send: (to, subject) => emails.push({ to, subject }) });
  const audit = createAudit(broker);
  const types = (orderId?: string) =>
    broker.published.filter((e) => orderId === undefined || e.orderId === orderId).map((e) => e.type);
  const taken = (type: string): BrokerEvent => {
    const event = broker.published.find((e) => e.type === type);
    if (!event) throw new Error(`no ${type} was published`);
    return event;
  };
  return { broker, emails, orders, inventory, payments, audit, types, taken };
}

export const order = (over: Partial<NewOrder> = {}): NewOrder => ({
  orderId: "o1",
  customer: "ann",
  email: "ann@example.com",
  items: [{ sku: "mug", qty: 2 }],
  totalCents: 2400,
  ...over,
});
