import { describe, expect, it } from "vitest";
import { endpoints } from "../endpoints";
import { pod, service } from "./fixtures";

const web = { app: "shop", tier: "web" };
const ips = (list: { ip: string }[]) => list.map((e) => e.ip);

describe("endpoints", () => {
  it("lists the selected pods of the Service's namespace, sorted by pod name", () => {
    const pods = [
      pod("web-b", { ...web, track: "canary" }, { ip: "10.0.0.2" }),
      pod("web-a", web, { ip: "10.0.0.1" }),
      pod("db-0", { app: "shop", tier: "db" }, { ip: "10.0.0.3" }),
      pod("web-c", web, { ip: "10.0.9.9", namespace: "blog" }),
    ];
    expect(endpoints(service(web), pods)).toEqual([{
      name: "http",
      port: 80,
      protocol: "TCP",
      ready: [{ pod: "web-a", ip: "10.0.0.1", port: 8080 }, { pod: "web-b", ip: "10.0.0.2", port: 8080 }],
      notReady: [],
    }]);
  });

  it("publishes pods that are not Ready apart from the ready ones", () => {
    const pods = [pod("web-a", web, { ip: "10.0.0.1" }), pod("web-b", web, { ip: "10.0.0.2", ready: false, phase: "Pending" })];
    const [port] = endpoints(service(web), pods)!;
    expect(ips(port.ready)).toEqual(["10.0.0.1"]);
    expect(ips(port.notReady)).toEqual(["10.0.0.2"]);
    const noConditions = pod("web-c", web, { ip: "10.0.0.3" });
    delete noConditions.status.conditions;
    expect(ips(endpoints(service(web), [noConditions])![0].notReady)).toEqual(["10.0.0.3"]);
  });

  it("counts every serving pod as ready with publishNotReadyAddresses", () => {
    const pods = [pod("web-a", web, { ip: "10.0.0.1" }), pod("web-b", web, { ip: "10.0.0.2", ready: false })];
    const [port] = endpoints(service(web, undefined, { publishNotReadyAddresses: true }), pods)!;
    expect(ips(port.ready)).toEqual(["10.0.0.1", "10.0.0.2"]);
    expect(port.notReady).toEqual([]);
  });

  it("leaves out pods without an IP, pods being deleted, and pods that have finished; publishNotReadyAddresses keeps the deleted", () => {
    const pods = [
      pod("web-a", web, { ip: "10.0.0.1" }),
      pod("web-b", web, { ip: null, ready: false, phase: "Pending" }),
      pod("web-c", web, { ip: "10.0.0.3", deleting: true }),
      pod("web-d", web, { ip: "10.0.0.4", phase: "Succeeded", ready: false }),
      pod("web-e", web, { ip: "10.0.0.5", phase: "Failed", ready: false }),
    ];
    const [port] = endpoints(service(web), pods)!;
    expect(ips(port.ready)).toEqual(["10.0.0.1"]);
    expect(port.notReady).toEqual([]);
    const [all] = endpoints(service(web, undefined, { publishNotReadyAddresses: true }), pods)!;
    expect(ips(all.ready)).toEqual(["10.0.0.1", "10.0.0.3"]);
    expect(all.notReady).toEqual([]);
  });

  it("resolves a named targetPort in each pod, skipping pods that have no such port", () => {
    const pods = [
      pod("web-a", web, { ip: "10.0.0.1", ports: [{ name: "http", containerPort: 8080 }] }),
      pod("web-b", web, { ip: "10.0.0.2", ports: [{ name: "http", containerPort: 3000 }] }),
      pod("web-c", web, { ip: "10.0.0.3", ports: [{ name: "web", containerPort: 8080 }] }),
      pod("web-d", web, { ip: "10.0.0.4", ports: [{ name: "app", containerPort: 8080 }], sidecarPorts: [{ name: "http", containerPort: 9000 }] }),
    ];
    const [port] = endpoints(service(web), pods)!;
    expect(port.ready).toEqual([
      { pod: "web-a", ip: "10.0.0.1", port: 8080 },
      { pod: "web-b", ip: "10.0.0.2", port: 3000 },
      { pod: "web-d", ip: "10.0.0.4", port: 9000 },
    ]);
  });

  it("takes a numeric targetPort as it is, and no targetPort as the service port", () => {
    const pods = [pod("web-a", web, { ip: "10.0.0.1" })];
    const result = endpoints(service(web, [
      { name: "http", port: 80, targetPort: 8080 },
      { name: "admin", port: 9090 },
      { name: "dns", port: 53, targetPort: "dns", protocol: "UDP" },
    ]), pods)!;
    expect(result.map((p) => [p.name, p.port, p.protocol, p.ready.map((e) => e.port)])).toEqual([
      ["http", 80, "TCP", [8080]],
      ["admin", 9090, "TCP", [9090]],
      ["dns", 53, "UDP", []],
    ]);
  });

  it("matches a named port only with the service port's protocol", () => {
    const pods = [pod("dns-a", web, { ip: "10.0.0.1", ports: [{ name: "dns", containerPort: 5353, protocol: "UDP" }, { name: "dns-tcp", containerPort: 5353 }] })];
    const result = endpoints(service(web, [
      { name: "udp", port: 53, targetPort: "dns", protocol: "UDP" },
      { name: "tcp", port: 53, targetPort: "dns" },
    ]), pods)!;
    expect(result.map((p) => p.ready.map((e) => e.port))).toEqual([[5353], []]);
  });

  it("publishes nothing for a Service without a selector, and empty lists when no pod matches", () => {
    expect(endpoints(service(undefined), [pod("web-a", web)])).toBeNull();
    expect(endpoints(service({ app: "nothing" }), [pod("web-a", web)])).toEqual([
      { name: "http", port: 80, protocol: "TCP", ready: [], notReady: [] },
    ]);
  });
});
