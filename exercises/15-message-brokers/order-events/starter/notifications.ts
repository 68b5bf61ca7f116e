import type { Broker } from "./broker";
import { EVENTS, type Mailer } from "./events";

export function createNotifications(broker: Broker, mailer: Mailer) {
  // TODO: one email per order.confirmed and per order.cancelled event (see the README).
  void broker, EVENTS, mailer;
}
