import { stringify } from "yaml";
import { mergeValues } from "./merge";
import { fullname, imageTag, labels, selectorLabels } from "./names";
import { chart, ChartError, type Overrides, type Release, type Values } from "./types";
import { defaultValues } from "./values";

type Manifest = Record<string, unknown>;

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function check(values: Values): void {
  const fail = (path: string, expected: string, found: unknown) => {
    throw new ChartError("INVALID_VALUES", path, `values: ${path}: expected ${expected}, found ${JSON.stringify(found)}`);
  };
  if (!Number.isInteger(values.replicaCount) || values.replicaCount < 0) fail("replicaCount", "a whole number ≥ 0", values.replicaCount);
  if (!values.image.repository) fail("image.repository", "an image repository", values.image.repository);
  if (!Number.isInteger(values.securityContext.runAsUser) || values.securityContext.runAsUser < 1) {
    fail("securityContext.runAsUser", "a non-root user id (≥ 1)", values.securityContext.runAsUser);
  }
  for (const section of ["config", "secrets"] as const) {
    for (const key of Object.keys(values[section])) if (!ENV_NAME.test(key)) fail(`${section}.${key}`, "an environment variable name", key);
  }
  if (values.ingress.enabled && !values.ingress.host) fail("ingress.host", "a host name when ingress.enabled", values.ingress.host);
  if (values.ingress.enabled && values.ingress.tls.enabled && !values.ingress.tls.secretName) {
    fail("ingress.tls.secretName", "a TLS Secret name when ingress.tls.enabled", values.ingress.tls.secretName);
  }
  const scaling = values.autoscaling;
  if (scaling.enabled) {
    if (!values.resources.requests?.cpu) fail("resources.requests.cpu", "a CPU request when autoscaling on CPU", values.resources.requests?.cpu);
    if (scaling.minReplicas < 1 || scaling.minReplicas > scaling.maxReplicas) {
      fail("autoscaling.minReplicas", `1 … maxReplicas (${scaling.maxReplicas})`, scaling.minReplicas);
    }
  }
}

function base64(text: string): string {
  let binary = "";
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function deployment(release: Release, values: Values, name: string, meta: Manifest): Manifest {
  const probe = (path: string) => ({ httpGet: { path, port: "http" } });
  const secretKeys = Object.keys(values.secrets).sort();
  const container: Manifest = {
    name: chart.name,
    image: `${values.image.repository}:${imageTag(values)}`,
    imagePullPolicy: values.image.pullPolicy,
    ports: [{ name: "http", containerPort: values.containerPort, protocol: "TCP" }],
    ...(Object.keys(values.config).length > 0 && { envFrom: [{ configMapRef: { name } }] }),
    ...(secretKeys.length > 0 && {
      env: secretKeys.map((key) => ({ name: key, valueFrom: { secretKeyRef: { name, key } } })),
    }),
    startupProbe: { ...probe(values.probes.livenessPath), periodSeconds: 5, failureThreshold: values.probes.startupFailureThreshold },
    readinessProbe: { ...probe(values.probes.readinessPath), periodSeconds: 5 },
    livenessProbe: { ...probe(values.probes.livenessPath), periodSeconds: 10 },
    resources: values.resources,
    securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ["ALL"] } },
  };
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: meta,
    spec: {
      // With an HPA the autoscaler owns the count; a replicas field would reset it on every upgrade.
      replicas: values.replicaCount,
      selector: { matchLabels: selectorLabels(release) },
      template: {
        metadata: { labels: labels(release, values) },
        spec: {
          securityContext: { runAsNonRoot: true, runAsUser: values.securityContext.runAsUser },
          containers: [container],
        },
      },
    },
  };
}

function ingress(values: Values, name: string, meta: Manifest): Manifest {
  const { host, path, className, tls } = values.ingress;
  return {
    apiVersion: "networking.k8s.io/v1",
    kind: "Ingress",
    metadata: meta,
    spec: {
      ingressClassName: className,
      ...(tls.enabled && { tls: [{ hosts: [host], secretName: tls.secretName }] }),
      rules: [{
        host,
        http: { paths: [{ path, pathType: "Prefix", backend: { service: { name, port: { name: "http" } } } }] },
      }],
    },
  };
}

/** The manifests of one release, in Helm's install order. */
export function manifests(release: Release, ...overrides: Overrides[]): Manifest[] {
  const values = mergeValues(defaultValues, ...overrides);
  check(values);
  const name = fullname(release);
  const meta = { name, namespace: release.namespace, labels: labels(release, values) };
  const out: Manifest[] = [];
  if (Object.keys(values.secrets).length > 0) {
    const data = Object.fromEntries(Object.entries(values.secrets).map(([k, v]) => [k, base64(v)]));
    out.push({ apiVersion: "v1", kind: "Secret", metadata: meta, type: "Opaque", data });
  }
  if (Object.keys(values.config).length > 0) {
    out.push({ apiVersion: "v1", kind: "ConfigMap", metadata: meta, data: { ...values.config } });
  }
  out.push({
    apiVersion: "v1",
    kind: "Service",
    metadata: meta,
    spec: {
      type: values.service.type,
      selector: selectorLabels(release),
      ports: [{ name: "http", port: values.service.port, targetPort: "http", protocol: "TCP" }],
    },
  });
  out.push(deployment(release, values, name, meta));
  const scaling = values.autoscaling;
  if (scaling.enabled) {
    out.push({
      apiVersion: "autoscaling/v2",
      kind: "HorizontalPodAutoscaler",
      metadata: meta,
      spec: {
        scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name },
        minReplicas: scaling.minReplicas,
        maxReplicas: scaling.maxReplicas,
        metrics: [{
          type: "Resource",
          resource: { name: "cpu", target: { type: "Utilization", averageUtilization: scaling.targetCPUUtilizationPercentage } },
        }],
      },
    });
  }
  if (values.ingress.enabled) out.push(ingress(values, name, meta));
  return out;
}

/** `helm template`: the release as one YAML stream, a document per object. */
export function render(release: Release, ...overrides: Overrides[]): string {
  return manifests(release, ...overrides).map((m) => stringify(m, { aliasDuplicateObjects: false })).join("---\n");
}
