import { describe, expect, it } from "vitest";
import { createBalancer } from "../balancer";
import type { BalancerOptions, Server } from "../types";

const servers = (...specs: (string | Server)[]): Server[] => specs.map((s) => (typeof s === "string" ? { name: s } : s));

/** Picks `n` times, ending each request at once (successfully) so least_conn sees no load. */
function picks(options: BalancerOptions, n: number) {
  const balancer = createBalancer(options);
  return Array.from({ length: n }, () => {
    const name = balancer.pick();
    if (name) balancer.done(name, true);
    return name;
  });
}

describe("round robin", () => {
  it("takes equal servers in turn", () => {
    expect(picks({ servers: servers("a", "b", "c") }, 6)).toEqual(["a", "b", "c", "a", "b", "c"]);
  });

  it("spreads a heavy server's turns smoothly, as nginx's weighted round robin does", () => {
    const order = picks({ servers: servers({ name: "a", weight: 5 }, "b", "c") }, 14);
    expect(order.slice(0, 7)).toEqual(["a", "a", "b", "a", "c", "a", "a"]);
    expect(order.slice(7)).toEqual(order.slice(0, 7));
  });

  it("never picks a server marked down", () => {
    expect(picks({ servers: servers("a", { name: "b", down: true }, "c") }, 4)).toEqual(["a", "c", "a", "c"]);
  });
});

describe("least connections", () => {
  it("sends each request to the server with the fewest active requests, in turn when tied", () => {
    const balancer = createBalancer({ method: "least_conn", servers: servers("a", "b", "c") });
    expect([balancer.pick(), balancer.pick(), balancer.pick()]).toEqual(["a", "b", "c"]);
    balancer.done("b", true);
    expect(balancer.pick()).toBe("b");
    balancer.done("c", true);
    balancer.done("a", true);
    expect([balancer.pick(), balancer.pick()].sort()).toEqual(["a", "c"]);
    expect(() => balancer.done("d", true)).toThrow(RangeError);
  });

  it("weighs active requests by the server's weight", () => {
    const balancer = createBalancer({ method: "least_conn", servers: servers({ name: "big", weight: 3 }, "small") });
    const taken = Array.from({ length: 4 }, () => balancer.pick());
    // big takes three for small's one.
    expect(taken.filter((n) => n === "big")).toHaveLength(3);
    expect(taken.filter((n) => n === "small")).toHaveLength(1);
  });
});

describe("passive health: max_fails and fail_timeout", () => {
  const clock = { t: 0 };
  const balancer = (more: Partial<Server> = {}) =>
    createBalancer({ servers: servers({ name: "a", maxFails: 2, failTimeoutMs: 10_000, ...more }, "b"), now: () => clock.t });
  // Picks without reporting back: a report of success would clear the failures under test.
  const spin = (b: ReturnType<typeof balancer>) => [1, 2, 3, 4].map(() => b.pick());

  it("takes a server out after max_fails failures, for fail_timeout after the last", () => {
    clock.t = 0;
    const b = balancer();
    b.pick();
    b.done("a", false);
    expect(spin(b)).toContain("a");
    clock.t = 1_000;
    b.pick();
    b.done("a", false);
    expect(spin(b)).toEqual(["b", "b", "b", "b"]);
    clock.t = 10_999;
    expect(spin(b)).not.toContain("a");
    clock.t = 11_000;
    expect(spin(b)).toContain("a");
  });

  it("forgets failures older than fail_timeout, and a success clears the count", () => {
    clock.t = 0;
    const b = balancer();
    b.done("a", false);
    clock.t = 10_000;
    b.done("a", false);
    expect(spin(b)).toContain("a");
    b.done("a", true);
    b.done("a", false);
    expect(spin(b)).toContain("a");
  });

  it("never takes a server out with max_fails 0, nor the only server of a group", () => {
    clock.t = 0;
    const b = balancer({ maxFails: 0 });
    for (let i = 0; i < 5; i++) b.done("a", false);
    expect(spin(b)).toContain("a");
    const only = createBalancer({ servers: servers("a"), now: () => clock.t });
    only.done("a", false);
    expect(only.pick()).toBe("a");
    expect(createBalancer({ servers: servers({ name: "a", down: true }) }).pick()).toBeNull();
  });

  it("uses backup servers only while no primary is available, and gives null when nothing is", () => {
    clock.t = 0;
    const b = createBalancer({ servers: servers("a", { name: "spare", backup: true }), now: () => clock.t });
    expect([b.pick(), b.pick()]).toEqual(["a", "a"]);
    b.done("a", false);
    expect(b.pick()).toBe("spare");
    b.done("spare", false);
    expect(b.pick()).toBeNull();
    clock.t = 10_000;
    expect(b.pick()).toBe("a");
  });
});
