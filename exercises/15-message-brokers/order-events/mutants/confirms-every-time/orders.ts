import type { Broker, BrokerEvent } from "./broker";
import { EVENTS, type NewOrder, type OrderStatus } from "./events";

interface State {
  email: string;
  status: OrderStatus;
  paid: boolean;
  reserved: boolean;
}

/** Places orders and decides their fate from the payment and inventory events, in whatever order they come. */
export function createOrders(broker: Broker) {
  const orders = new Map<string, State>();

  function cancel(order: State, orderId: string, reason: string) {
    order.status = "cancelled";
    broker.publish(EVENTS.orderCancelled, orderId, { email: order.email, reason });
  }

  // Status guards make every handler idempotent: a duplicate finds the work already done.
  function on(type: string, apply: (order: State, event: BrokerEvent) => void) {
    broker.subscribe(type, (event) => {
      const order = orders.get(event.orderId);
      if (order) apply(order, event);
    });
  }

  const confirmIfReady = (order: State, orderId: string) => {
    if (order.paid && order.reserved) {
      order.status = "confirmed";
      broker.publish(EVENTS.orderConfirmed, orderId, { email: order.email });
    }
  };

  on(EVENTS.paymentSucceeded, (order, event) => {
    order.paid = true;
    confirmIfReady(order, event.orderId);
  });
  on(EVENTS.inventoryReserved, (order, event) => {
    order.reserved = true;
    confirmIfReady(order, event.orderId);
  });
  on(EVENTS.paymentFailed, (order, event) => cancel(order, event.orderId, String(event.data.reason)));
  on(EVENTS.inventoryFailed, (order, event) => cancel(order, event.orderId, String(event.data.reason)));

  return {
    place(order: NewOrder): void {
      if (orders.has(order.orderId)) return;
      orders.set(order.orderId, { email: order.email, status: "placed", paid: false, reserved: false });
      const { orderId, ...data } = order;
      broker.publish(EVENTS.orderPlaced, orderId, data);
    },
    status(orderId: string): OrderStatus | undefined {
      return orders.get(orderId)?.status;
    },
  };
}
