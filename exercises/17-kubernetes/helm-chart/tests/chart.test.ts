import { describe, expect, it } from "vitest";
import { byKind, chartError, container, everything, objects, release, resolvePort, type Obj } from "./load";

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

describe("render", () => {
  it("renders the defaults as a ConfigMap, a Service and a Deployment the API would accept", () => {
    const list = objects();
    expect(list.map((o) => o.kind)).toEqual(["ConfigMap", "Service", "Deployment"]);
    for (const o of list) expect(o.metadata).toMatchObject({ name: "web-shop", namespace: "prod" });
  });

  it("renders every object in Helm's install order when everything is on", () => {
    const list = objects(release, everything);
    expect(list.map((o) => o.kind)).toEqual(["Secret", "ConfigMap", "Service", "Deployment", "HorizontalPodAutoscaler", "Ingress"]);
  });

  it("names objects release-chart, keeps a release that names the chart, and cuts to a DNS label of 63", () => {
    expect(byKind(objects({ name: "shop-canary", namespace: "x" }), "Service").metadata.name).toBe("shop-canary");
    const long = byKind(objects({ name: `${"a".repeat(58)}-b-x`, namespace: "x" }), "Service").metadata.name as string;
    expect(long).toBe(`${"a".repeat(58)}-b-x`);
    const cut = byKind(objects({ name: `${"a".repeat(62)}-zz`, namespace: "x" }), "Deployment").metadata.name as string;
    expect(cut).toBe("a".repeat(62));
    expect(cut).toMatch(DNS_LABEL);
  });

  it("labels every object, and selects pods by name and instance only", () => {
    const list = objects(release, everything, { image: { tag: "2.4.0" } });
    const expected = {
      "helm.sh/chart": "shop-1.4.0",
      "app.kubernetes.io/name": "shop",
      "app.kubernetes.io/instance": "web",
      "app.kubernetes.io/version": "2.4.0",
      "app.kubernetes.io/managed-by": "Helm",
    };
    for (const o of list) expect(o.metadata.labels).toEqual(expected);
    const deploy = byKind(list, "Deployment");
    const selector = { "app.kubernetes.io/name": "shop", "app.kubernetes.io/instance": "web" };
    expect(deploy.spec.selector).toEqual({ matchLabels: selector });
    expect(deploy.spec.template.metadata.labels).toMatchObject(selector);
    expect(byKind(list, "Service").spec.selector).toEqual(selector);
  });

  it("tags the image with the chart's appVersion when image.tag is empty", () => {
    const list = objects();
    expect(container(list).image).toBe("ghcr.io/acme/shop:2.3.1");
    expect(container(list).imagePullPolicy).toBe("IfNotPresent");
    expect(byKind(list, "Deployment").metadata.labels["app.kubernetes.io/version"]).toBe("2.3.1");
    expect(container(objects(release, { image: { tag: "9.9.9" } })).image).toBe("ghcr.io/acme/shop:9.9.9");
  });

  it("wires the Service to a container port and the Ingress to a port of that Service", () => {
    const list = objects(release, everything, { containerPort: 3000, service: { port: 8080 } });
    const c = container(list);
    const service = byKind(list, "Service");
    expect(service.spec.type).toBe("ClusterIP");
    expect(service.spec.ports).toHaveLength(1);
    const [port] = service.spec.ports;
    expect(port.port).toBe(8080);
    expect(resolvePort(c, port.targetPort)).toBe(3000);
    const rule = byKind(list, "Ingress").spec.rules[0];
    expect(rule.host).toBe("shop.example.com");
    const [path] = rule.http.paths;
    expect(path).toMatchObject({ path: "/", pathType: "Prefix" });
    expect(path.backend.service.name).toBe(service.metadata.name);
    const named = path.backend.service.port;
    expect(service.spec.ports.some((p: Obj) => p.name === named.name || p.port === named.number)).toBe(true);
  });

  it("gives the container startup, readiness and liveness probes on its own port", () => {
    const c = container(objects(release, { probes: { readinessPath: "/ready", startupFailureThreshold: 12 } }));
    expect(c.readinessProbe.httpGet.path).toBe("/ready");
    expect(c.livenessProbe.httpGet.path).toBe("/livez");
    expect(c.startupProbe.httpGet.path).toBe("/livez");
    expect(c.startupProbe.failureThreshold).toBe(12);
    for (const probe of [c.readinessProbe, c.livenessProbe, c.startupProbe]) {
      expect(resolvePort(c, probe.httpGet.port)).toBe(8080);
    }
  });

  it("runs as a non-root user with no privilege escalation, a read-only root and no capabilities", () => {
    const pod = byKind(objects(release, { securityContext: { runAsUser: 2000 } }), "Deployment").spec.template.spec;
    expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 2000 });
    expect(pod.containers[0].securityContext).toMatchObject({
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      capabilities: { drop: ["ALL"] },
    });
  });

  it("merges resource overrides deeply and lets null remove a default", () => {
    expect(container(objects()).resources).toEqual({
      requests: { cpu: "100m", memory: "128Mi" },
      limits: { cpu: "500m", memory: "256Mi" },
    });
    expect(container(objects(release, { resources: { limits: { memory: "1Gi" } } })).resources).toEqual({
      requests: { cpu: "100m", memory: "128Mi" },
      limits: { cpu: "500m", memory: "1Gi" },
    });
    expect(container(objects(release, { resources: { limits: null } })).resources).toEqual({
      requests: { cpu: "100m", memory: "128Mi" },
    });
  });

  it("puts config in a ConfigMap read through envFrom, and secrets base64-encoded in a Secret read key by key", () => {
    const list = objects(release, everything, { config: { FEATURE_X: "on" } });
    const configMap = byKind(list, "ConfigMap");
    expect(configMap.data).toEqual({ LOG_LEVEL: "info", PORT: "8080", FEATURE_X: "on" });
    const secret = byKind(list, "Secret");
    expect(secret.type).toBe("Opaque");
    const decode = (b64: string) => new TextDecoder().decode(Uint8Array.from(atob(b64), (ch) => ch.charCodeAt(0)));
    expect(Object.keys(secret.data).sort()).toEqual(["API_KEY", "DATABASE_URL"]);
    expect(decode(secret.data.DATABASE_URL)).toBe("postgres://shop:pässword@db/shop");
    expect(decode(secret.data.API_KEY)).toBe("k-123");
    const c = container(list);
    expect(c.envFrom).toEqual([{ configMapRef: { name: configMap.metadata.name } }]);
    const refs = c.env.map((e: Obj) => [e.name, e.valueFrom.secretKeyRef.name, e.valueFrom.secretKeyRef.key]);
    expect(refs).toEqual([
      ["API_KEY", secret.metadata.name, "API_KEY"],
      ["DATABASE_URL", secret.metadata.name, "DATABASE_URL"],
    ]);
  });

  it("renders no Secret or ConfigMap, and no reference to one, when there is nothing to hold", () => {
    const list = objects(release, { config: { LOG_LEVEL: null, PORT: null } });
    expect(list.map((o) => o.kind)).toEqual(["Service", "Deployment"]);
    const c = container(list);
    expect(c.env ?? []).toEqual([]);
    expect(c.envFrom ?? []).toEqual([]);
  });

  it("leaves replicas to the HorizontalPodAutoscaler when autoscaling is on", () => {
    expect(byKind(objects(release, { replicaCount: 3 }), "Deployment").spec.replicas).toBe(3);
    const list = objects(release, { replicaCount: 3, autoscaling: { enabled: true, minReplicas: 3, maxReplicas: 6 } });
    expect(byKind(list, "Deployment").spec.replicas).toBeUndefined();
    const hpa = byKind(list, "HorizontalPodAutoscaler").spec;
    expect(hpa.scaleTargetRef).toEqual({ apiVersion: "apps/v1", kind: "Deployment", name: "web-shop" });
    expect(hpa).toMatchObject({ minReplicas: 3, maxReplicas: 6 });
    expect(hpa.metrics).toEqual([
      { type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: 70 } } },
    ]);
  });

  it("terminates TLS at the Ingress only when tls is enabled", () => {
    const on = byKind(objects(release, everything), "Ingress").spec;
    expect(on.ingressClassName).toBe("nginx");
    expect(on.tls).toEqual([{ hosts: ["shop.example.com"], secretName: "shop-tls" }]);
    const off = byKind(objects(release, { ingress: { enabled: true, host: "a.example.com", path: "/api" } }), "Ingress").spec;
    expect(off.tls).toBeUndefined();
    expect(off.rules[0].http.paths[0].path).toBe("/api");
  });

  it("rejects values the cluster would refuse or run badly, naming the value", () => {
    const path = (...o: object[]) => chartError(() => objects(release, ...o));
    expect(path({ replicaCount: -1 })).toMatchObject({ code: "INVALID_VALUES", path: "replicaCount" });
    expect(path({ replicaCount: 1.5 })).toMatchObject({ code: "INVALID_VALUES", path: "replicaCount" });
    expect(path({ securityContext: { runAsUser: 0 } })).toMatchObject({ code: "INVALID_VALUES", path: "securityContext.runAsUser" });
    expect(path({ config: { "bad-key": "1" } })).toMatchObject({ code: "INVALID_VALUES", path: "config.bad-key" });
    expect(path({ secrets: { "9LIVES": "1" } })).toMatchObject({ code: "INVALID_VALUES", path: "secrets.9LIVES" });
    expect(path({ ingress: { enabled: true } })).toMatchObject({ code: "INVALID_VALUES", path: "ingress.host" });
    expect(path({ autoscaling: { enabled: true }, resources: { requests: { cpu: null } } }))
      .toMatchObject({ code: "INVALID_VALUES", path: "resources.requests.cpu" });
    expect(path({ autoscaling: { enabled: true, minReplicas: 5, maxReplicas: 4 } }))
      .toMatchObject({ code: "INVALID_VALUES", path: "autoscaling.minReplicas" });
  });
});
