import { matches } from "./selector";
import type { Endpoint, Pod, PortEndpoints, Service, ServicePort } from "./types";

function isReady(pod: Pod): boolean {
  return pod.status.conditions?.some((c) => c.type === "Ready" && c.status === "True") ?? false;
}

/** Pods that belong in the endpoints at all: not finished, with an IP, and not being deleted unless terminating pods are wanted. */
function serves(pod: Pod, includeTerminating: boolean): boolean {
  if (pod.status.phase === "Succeeded" || pod.status.phase === "Failed" || !pod.status.podIP) return false;
  return includeTerminating || !pod.metadata.deletionTimestamp;
}

/** The pod port a service port sends to, or undefined when the pod has no container port of that name. */
function targetOf(pod: Pod, port: ServicePort): number | undefined {
  const target = port.targetPort ?? port.port;
  if (typeof target === "number") return target;
  const protocol = port.protocol ?? "TCP";
  for (const container of pod.spec.containers) {
    const found = container.ports?.find((p) => p.name === target && (p.protocol ?? "TCP") === protocol);
    if (found) return found.containerPort;
  }
  return undefined;
}

/** What the endpoints controller publishes for a Service; null for a Service without a selector. */
export function endpoints(service: Service, pods: readonly Pod[]): PortEndpoints[] | null {
  const { selector, ports, publishNotReadyAddresses } = service.spec;
  if (!selector) return null;
  const members = pods
    .filter((pod) => pod.metadata.namespace === service.metadata.namespace)
    .filter((pod) => matches({ matchLabels: selector }, pod.metadata.labels))
    .filter((pod) => serves(pod, publishNotReadyAddresses ?? false))
    .sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
  return ports.map((port) => {
    const out: PortEndpoints = { name: port.name ?? "", port: port.port, protocol: port.protocol ?? "TCP", ready: [], notReady: [] };
    for (const pod of members) {
      const target = targetOf(pod, port);
      if (target === undefined) continue;
      const endpoint: Endpoint = { pod: pod.metadata.name, ip: pod.status.podIP!, port: target };
      (publishNotReadyAddresses || isReady(pod) ? out.ready : out.notReady).push(endpoint);
    }
    return out;
  });
}
