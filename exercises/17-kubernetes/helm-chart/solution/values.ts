import type { Values } from "./types";

/** The chart's values.yaml. */
export const defaultValues: Values = {
  replicaCount: 2,
  image: { repository: "ghcr.io/acme/shop", tag: "", pullPolicy: "IfNotPresent" },
  containerPort: 8080,
  service: { type: "ClusterIP", port: 80 },
  probes: { readinessPath: "/readyz", livenessPath: "/livez", startupFailureThreshold: 30 },
  resources: {
    requests: { cpu: "100m", memory: "128Mi" },
    limits: { cpu: "500m", memory: "256Mi" },
  },
  securityContext: { runAsUser: 10001 },
  config: { LOG_LEVEL: "info", PORT: "8080" },
  secrets: {},
  ingress: { enabled: false, className: "nginx", host: "", path: "/", tls: { enabled: false, secretName: "" } },
  autoscaling: { enabled: false, minReplicas: 2, maxReplicas: 10, targetCPUUtilizationPercentage: 70 },
};
