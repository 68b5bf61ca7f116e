import type { Broker } from "./broker";
import { EVENTS, type OrderLine } from "./events";

export function createInventory(broker: Broker, initial: Record<string, number>) {
  const stock = new Map(Object.entries(initial));
  const reservations = new Map<string, OrderLine[]>();
  // An order is handled at most once; a cancellation that overtook its order.placed counts too.
  const handled = new Set<string>();

  broker.subscribe(EVENTS.orderPlaced, (event) => {
    if (handled.has(event.orderId)) return;
    handled.add(event.orderId);
    const items = event.data.items as OrderLine[];
    const needed = new Map<string, number>();
    for (const { sku, qty } of items) needed.set(sku, qty);
    if ([...needed].some(([sku, qty]) => (stock.get(sku) ?? 0) < qty)) {
      broker.publish(EVENTS.inventoryFailed, event.orderId, { reason: "OUT_OF_STOCK" });
      return;
    }
    for (const [sku, qty] of needed) stock.set(sku, stock.get(sku)! - qty);
    reservations.set(event.orderId, items);
    broker.publish(EVENTS.inventoryReserved, event.orderId);
  });

  broker.subscribe(EVENTS.orderCancelled, (event) => {
    handled.add(event.orderId);
    const items = reservations.get(event.orderId);
    if (!items) return;
    reservations.delete(event.orderId);
    for (const { sku, qty } of items) stock.set(sku, stock.get(sku)! + qty);
    broker.publish(EVENTS.inventoryReleased, event.orderId);
  });

  return { stock: (sku: string) => stock.get(sku) ?? 0 };
}
