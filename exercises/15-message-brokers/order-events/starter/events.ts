/** The events of this shop (read-only). Every event carries `orderId`; `data` is listed here. */
export const EVENTS = {
  /** data: { customer, email, items: { sku, qty }[], totalCents } */
  orderPlaced: "order.placed",
  /** data: { email } */
  orderConfirmed: "order.confirmed",
  /** data: { email, reason } */
  orderCancelled: "order.cancelled",
  /** data: {} */
  inventoryReserved: "inventory.reserved",
  /** data: { reason: "OUT_OF_STOCK" } */
  inventoryFailed: "inventory.failed",
  /** data: {} */
  inventoryReleased: "inventory.released",
  /** data: { amountCents } */
  paymentSucceeded: "payment.succeeded",
  /** data: { reason: "INSUFFICIENT_FUNDS" } */
  paymentFailed: "payment.failed",
  /** data: { amountCents } */
  paymentRefunded: "payment.refunded",
} as const;

export interface OrderLine {
  sku: string;
  qty: number;
}

export interface NewOrder {
  orderId: string;
  customer: string;
  email: string;
  items: OrderLine[];
  totalCents: number;
}

export type OrderStatus = "placed" | "confirmed" | "cancelled";

export interface Mailer {
  send(to: string, subject: string): void;
}
