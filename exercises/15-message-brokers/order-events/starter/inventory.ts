import type { Broker } from "./broker";
import { EVENTS } from "./events";

export function createInventory(broker: Broker, initial: Record<string, number>) {
  // TODO: reserve on order.placed, release on order.cancelled (see the README).
  void broker, EVENTS, initial;
  return {
    stock(sku: string): number {
      void sku;
      throw new Error("not implemented: stock");
    },
  };
}
