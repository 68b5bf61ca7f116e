import type { Broker, BrokerEvent } from "./broker";
import { EVENTS, type Mailer } from "./events";

export function createNotifications(broker: Broker, mailer: Mailer) {
  // An idempotent consumer: remember which events were handled, so a redelivery sends nothing.
  const seen = new Set<string>();
  const mail = (verb: string) => (event: BrokerEvent) => {
    seen.add(event.id);
    mailer.send(String(event.data.email), `Order ${event.orderId} ${verb}`);
  };
  broker.subscribe(EVENTS.orderConfirmed, mail("confirmed"));
  broker.subscribe(EVENTS.orderCancelled, mail("cancelled"));
}
