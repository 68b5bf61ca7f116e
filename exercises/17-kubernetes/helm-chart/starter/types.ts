/** Chart.yaml of the chart you are writing. */
export const chart = { name: "shop", version: "1.4.0", appVersion: "2.3.1" } as const;

/** What `helm install <name> ./shop --namespace <ns>` knows about the release. */
export interface Release {
  name: string;
  namespace: string;
}

export interface ResourceList {
  cpu?: string;
  memory?: string;
}

/** The chart's values: values.ts holds the defaults, the user overrides any part. */
export interface Values {
  replicaCount: number;
  image: { repository: string; tag: string; pullPolicy: "IfNotPresent" | "Always" | "Never" };
  containerPort: number;
  service: { type: "ClusterIP" | "NodePort" | "LoadBalancer"; port: number };
  probes: { readinessPath: string; livenessPath: string; startupFailureThreshold: number };
  resources: { requests?: ResourceList; limits?: ResourceList };
  securityContext: { runAsUser: number };
  /** Plain settings: a ConfigMap, read by the container through envFrom. */
  config: Record<string, string>;
  /** Sensitive settings: a Secret, one env variable per key through secretKeyRef. */
  secrets: Record<string, string>;
  ingress: { enabled: boolean; className: string; host: string; path: string; tls: { enabled: boolean; secretName: string } };
  autoscaling: { enabled: boolean; minReplicas: number; maxReplicas: number; targetCPUUtilizationPercentage: number };
}

/** An override file (`-f prod.yaml`): any part of Values; `null` removes a default. */
export type Overrides = { [K in string]?: unknown };

export type ChartErrorCode = "INVALID_VALUES";

/** Thrown by render(); `path` is the dotted path of the offending value, e.g. "config.bad-key". */
export class ChartError extends Error {
  constructor(readonly code: ChartErrorCode, readonly path: string, message: string) {
    super(message);
    this.name = "ChartError";
  }
}
