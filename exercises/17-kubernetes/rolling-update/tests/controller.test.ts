import { describe, expect, it } from "vitest";
import { reconcile } from "../controller";
import type { Deployment } from "../types";
import { Cluster, deployment, rs } from "./cluster";

describe("reconcile: rolling update", () => {
  it("creates the new ReplicaSet at maxSurge and scales the old one down to minAvailable in the first sync", () => {
    const actions = reconcile(deployment(10, "v2", { maxSurge: 3, maxUnavailable: 2 }), [rs("web-v1", 1, 10)]);
    expect(actions).toEqual([
      { type: "create", name: "web-v2", templateHash: "v2", replicas: 3 },
      { type: "scale", name: "web-v1", replicas: 8 },
    ]);
  });

  it("does nothing when the rollout is complete, and scales the one ReplicaSet when replicas change", () => {
    expect(reconcile(deployment(4, "v2"), [rs("web-v1", 1, 0), rs("web-v2", 2, 4)])).toEqual([]);
    expect(reconcile(deployment(2, "v2"), [rs("web-v1", 1, 0), rs("web-v2", 2, 4)])).toEqual([{ type: "scale", name: "web-v2", replicas: 2 }]);
    expect(reconcile(deployment(6, "v2"), [rs("web-v2", 2, 4)])).toEqual([{ type: "scale", name: "web-v2", replicas: 6 }]);
  });

  it("scales the new ReplicaSet up in a sync of its own", () => {
    const d = deployment(10, "v2", { maxSurge: 3, maxUnavailable: 2 });
    expect(reconcile(d, [rs("web-v1", 1, 8), rs("web-v2", 2, 3)])).toEqual([{ type: "scale", name: "web-v2", replicas: 5 }]);
  });

  it("keeps old pods while new pods are not yet available", () => {
    const d = deployment(10, "v2", { maxSurge: 3, maxUnavailable: 2 });
    expect(reconcile(d, [rs("web-v1", 1, 8), rs("web-v2", 2, 5, 0)])).toEqual([]);
    // An old pod lost to a node failure is not cleaned up while the new pods are unavailable: 13 − 8 − 5 = 0.
    expect(reconcile(d, [rs("web-v1", 1, 8, 7), rs("web-v2", 2, 5, 0)])).toEqual([]);
    expect(reconcile(d, [rs("web-v1", 1, 8), rs("web-v2", 2, 5, 4)])).toEqual([{ type: "scale", name: "web-v1", replicas: 4 }]);
  });

  it("scales old ReplicaSets down oldest first, one action each", () => {
    const d = deployment(6, "v3", { maxSurge: 0, maxUnavailable: 3 });
    expect(reconcile(d, [rs("web-v2", 2, 2), rs("web-v1", 1, 4), rs("web-v3", 3, 0)])).toEqual([
      { type: "scale", name: "web-v1", replicas: 1 },
    ]);
    const d2 = deployment(6, "v3", { maxSurge: 0, maxUnavailable: 5 });
    expect(reconcile(d2, [rs("web-v2", 2, 2), rs("web-v1", 1, 4), rs("web-v3", 3, 0)])).toEqual([
      { type: "scale", name: "web-v1", replicas: 0 },
      { type: "scale", name: "web-v2", replicas: 1 },
    ]);
  });

  it("removes unavailable old pods first, even when availability is already at its minimum", () => {
    const d = deployment(4, "v2", { maxSurge: 0, maxUnavailable: 1 });
    expect(reconcile(d, [rs("web-v1", 1, 4, 2), rs("web-v2", 2, 0)])).toEqual([{ type: "scale", name: "web-v1", replicas: 3 }]);
    const cluster = new Cluster(d, [rs("web-v1", 1, 4, 2), rs("web-v2", 2, 0)], new Set(["v1"]));
    cluster.runToCompletion(false);
    expect([cluster.replicasOf("v1"), cluster.replicasOf("v2"), cluster.available]).toEqual([0, 4, 4]);
  });

  it.each([
    [10, "25%", "25%"],
    [3, 1, 0],
    [3, 0, 1],
    [5, "50%", "0%"],
    [5, 0, "10%"],
    [7, 2, 3],
  ])("rolls %i replicas over with maxSurge %s, maxUnavailable %s, within both bounds at every step", (replicas, maxSurge, maxUnavailable) => {
    const cluster = new Cluster(deployment(replicas, "v2", { maxSurge, maxUnavailable }), [rs("web-v1", 1, replicas)]);
    cluster.runToCompletion();
    expect(cluster.replicasOf("v2")).toBe(replicas);
    expect(cluster.replicasOf("v1")).toBe(0);
    expect(cluster.available).toBe(replicas);
  });

  it("stalls without losing capacity when the new pods never become ready, and rolls back", () => {
    const cluster = new Cluster(deployment(10, "v2", { maxSurge: 3, maxUnavailable: 2 }), [rs("web-v1", 1, 10)], new Set(["v2"]));
    cluster.runToCompletion();
    expect([cluster.replicasOf("v1"), cluster.replicasOf("v2"), cluster.available]).toEqual([8, 5, 8]);
    cluster.deployment = deployment(10, "v1", { maxSurge: 3, maxUnavailable: 2 });
    expect(cluster.sync()).toEqual([{ type: "scale", name: "web-v2", replicas: 0 }]);
    cluster.tick();
    cluster.runToCompletion();
    expect([cluster.replicasOf("v1"), cluster.replicasOf("v2"), cluster.available]).toEqual([10, 0, 10]);
    expect(cluster.sets.filter((s) => s.templateHash === "v1")).toHaveLength(1);
  });
});

describe("reconcile: Recreate", () => {
  const recreate = (replicas: number, hash: string): Deployment => ({ name: "web", spec: { replicas, template: { hash }, strategy: { type: "Recreate" } } });

  it("scales every old ReplicaSet to zero, waits for their pods to go, then creates the new one at full size", () => {
    const cluster = new Cluster(recreate(3, "v3"), [rs("web-v1", 1, 1), rs("web-v2", 2, 2)]);
    expect(cluster.sync()).toEqual([
      { type: "scale", name: "web-v1", replicas: 0 },
      { type: "scale", name: "web-v2", replicas: 0 },
    ]);
    expect(cluster.sync()).toEqual([]);
    cluster.tick();
    expect(cluster.sync()).toEqual([{ type: "create", name: "web-v3", templateHash: "v3", replicas: 3 }]);
    cluster.tick();
    cluster.tick();
    expect(cluster.sync()).toEqual([]);
    expect(cluster.available).toBe(3);
  });
});
