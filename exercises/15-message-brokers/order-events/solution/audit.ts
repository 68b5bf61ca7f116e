import type { Broker } from "./broker";

export interface AuditEntry {
  eventId: string;
  type: string;
  orderId: string;
}

export function createAudit(broker: Broker) {
  const entries = new Map<string, AuditEntry>();
  broker.subscribe("*", (event) => {
    if (!entries.has(event.id)) entries.set(event.id, { eventId: event.id, type: event.type, orderId: event.orderId });
  });
  return {
    entries: (orderId?: string): AuditEntry[] =>
      [...entries.values()].filter((entry) => orderId === undefined || entry.orderId === orderId),
  };
}
