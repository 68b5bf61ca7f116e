import { matches } from "./selector";
import type { Pod, PortEndpoints, Service } from "./types";

/** What the endpoints controller publishes for a Service; null for a Service without a selector. */
export function endpoints(service: Service, pods: readonly Pod[]): PortEndpoints[] | null {
  // TODO: which pods, ready or not, and which port on each pod
  void service; void pods; void matches;
  throw new Error("not implemented");
}
