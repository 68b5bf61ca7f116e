import { beforeEach, describe, expect, it } from "vitest";
import { createNetwork, type Network } from "@roadlab/net";
import { createBalancer } from "../balancer";
import { checkHealth } from "../health";

const NAMES = ["http://app-1", "http://app-2"];
let net: Network;
let status: Record<string, number>;

beforeEach(() => {
  net = createNetwork();
  status = { "app-1": 200, "app-2": 200 };
  for (const host of ["app-1", "app-2"]) {
    net.serve(host, (req) => new Response(new URL(req.url).pathname, { status: status[host] }));
  }
});

const spin = (b: ReturnType<typeof createBalancer>) => [1, 2, 3, 4].map(() => {
  const name = b.pick();
  if (name) b.done(name, true);
  return name;
});

describe("active health checks", () => {
  it("asks every server's health path, and leaves healthy servers in", async () => {
    const b = createBalancer({ servers: NAMES.map((name) => ({ name })) });
    status["app-2"] = 302;
    await checkHealth(b, NAMES, net.fetch, { path: "/healthz" });
    expect(net.requests("app-1").map((r) => r.url)).toEqual(["http://app-1/healthz"]);
    expect(net.requests("app-2").map((r) => r.url)).toEqual(["http://app-2/healthz"]);
    expect(spin(b)).toEqual(["http://app-1", "http://app-2", "http://app-1", "http://app-2"]);
  });

  it("takes out a server that answers 4xx or 5xx, refuses, or does not answer in time", async () => {
    for (const fault of [() => (status["app-2"] = 503), () => (status["app-2"] = 404), () => net.faults("app-2", { down: true }), () => net.faults("app-2", { hang: true })]) {
      const b = createBalancer({ servers: NAMES.map((name) => ({ name })) });
      fault();
      await checkHealth(b, NAMES, net.fetch, { timeoutMs: 30 });
      expect(spin(b)).toEqual(Array(4).fill("http://app-1"));
      status["app-2"] = 200;
      net.faults("app-2", {});
    }
  });

  it("needs `fails` failed checks in a row to take a server out, and `passes` good ones to bring it back", async () => {
    const b = createBalancer({ servers: NAMES.map((name) => ({ name })), healthCheck: { fails: 2, passes: 3 } });
    const round = () => checkHealth(b, NAMES, net.fetch);
    status["app-2"] = 500;
    await round();
    expect(spin(b)).toContain("http://app-2");
    status["app-2"] = 200;
    await round(); // the failures in a row start again
    status["app-2"] = 500;
    await round();
    expect(spin(b)).toContain("http://app-2");
    await round();
    expect(spin(b)).not.toContain("http://app-2");
    status["app-2"] = 200;
    await round();
    await round();
    expect(spin(b)).not.toContain("http://app-2");
    await round();
    expect(spin(b)).toContain("http://app-2");
  });
});
