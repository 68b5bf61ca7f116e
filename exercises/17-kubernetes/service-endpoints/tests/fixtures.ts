import type { ContainerPort, Labels, Pod, Service, ServicePort } from "../types";

interface PodOptions {
  namespace?: string;
  ip?: string | null;
  ready?: boolean;
  phase?: Pod["status"]["phase"];
  deleting?: boolean;
  ports?: ContainerPort[];
  sidecarPorts?: ContainerPort[];
}

let nextIp = 10;

export function pod(name: string, labels: Labels, o: PodOptions = {}): Pod {
  const containers: Pod["spec"]["containers"] = [{ name: "app", ports: o.ports ?? [{ name: "http", containerPort: 8080 }] }];
  if (o.sidecarPorts) containers.push({ name: "metrics", ports: o.sidecarPorts });
  return {
    metadata: { name, namespace: o.namespace ?? "shop", labels, ...(o.deleting && { deletionTimestamp: "2026-01-01T00:00:00Z" }) },
    spec: { containers },
    status: {
      phase: o.phase ?? "Running",
      ...(o.ip !== null && { podIP: o.ip ?? `10.0.0.${nextIp++}` }),
      conditions: [
        { type: "PodScheduled", status: "True" },
        { type: "Ready", status: o.ready === false ? "False" : "True" },
      ],
    },
  };
}

export function service(selector: Labels | undefined, ports: ServicePort[] = [{ name: "http", port: 80, targetPort: "http" }], extra: Partial<Service["spec"]> = {}): Service {
  return { metadata: { name: "web", namespace: "shop" }, spec: { ...(selector && { selector }), ports, ...extra } };
}
