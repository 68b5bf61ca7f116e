import { resolveStrategy } from "./strategy";
import type { Action, Deployment, ReplicaSet } from "./types";

const sum = (list: ReplicaSet[], count: (rs: ReplicaSet) => number) => list.reduce((n, rs) => n + count(rs), 0);
const oldestFirst = (a: ReplicaSet, b: ReplicaSet) => a.createdAt - b.createdAt || a.name.localeCompare(b.name);

/** One sync of the Deployment controller: the changes it would ask the API for, given what exists now. */
export function reconcile(deployment: Deployment, replicaSets: readonly ReplicaSet[]): Action[] {
  const hash = deployment.spec.template.hash;
  const sets = replicaSets.map((rs) => structuredClone(rs));
  const old = sets.filter((rs) => rs.templateHash !== hash).sort(oldestFirst);
  const current = sets.find((rs) => rs.templateHash === hash);
  return deployment.spec.strategy.type === "Recreate"
    ? recreate(deployment, current, old)
    : rolling(deployment, current, old);
}

function recreate(deployment: Deployment, current: ReplicaSet | undefined, old: ReplicaSet[]): Action[] {
  const scaleDowns = old.filter((rs) => rs.spec.replicas > 0).map((rs): Action => ({ type: "scale", name: rs.name, replicas: 0 }));
  if (scaleDowns.length > 0) return scaleDowns;
  // Recreate promises that old and new pods never run side by side: wait until the old ones are gone.
  if (old.some((rs) => rs.status.replicas > 0)) return [];
  const { replicas } = deployment.spec;
  if (!current) return [{ type: "create", name: newName(deployment), templateHash: deployment.spec.template.hash, replicas }];
  return current.spec.replicas === replicas ? [] : [{ type: "scale", name: current.name, replicas }];
}

function newName(deployment: Deployment): string {
  return `${deployment.name}-${deployment.spec.template.hash}`;
}

function rolling(deployment: Deployment, found: ReplicaSet | undefined, old: ReplicaSet[]): Action[] {
  const { replicas, strategy } = deployment.spec;
  const { maxSurge, maxUnavailable } = resolveStrategy(replicas, strategy.type === "RollingUpdate" ? strategy.rollingUpdate : undefined);
  const actions: Action[] = [];
  let current = found;
  if (!current) {
    current = { name: newName(deployment), templateHash: deployment.spec.template.hash, createdAt: Infinity, spec: { replicas: 0 }, status: { replicas: 0, availableReplicas: 0 } };
    current.spec.replicas = newReplicas(replicas, maxSurge, current, old);
    actions.push({ type: "create", name: current.name, templateHash: current.templateHash, replicas: current.spec.replicas });
  } else {
    // Scaling the new ReplicaSet, up or down, is this sync's one change.
    const target = current.spec.replicas > replicas ? replicas : newReplicas(replicas, maxSurge, current, old);
    if (target !== current.spec.replicas) return [{ type: "scale", name: current.name, replicas: target }];
  }
  return [...actions, ...scaleDownOld(replicas, maxUnavailable, current, old)];
}

/** How far the new ReplicaSet may grow: up to replicas + maxSurge pods in all, and no further than replicas. */
function newReplicas(replicas: number, maxSurge: number, current: ReplicaSet, old: ReplicaSet[]): number {
  const total = current.spec.replicas + sum(old, (rs) => rs.spec.replicas);
  const room = replicas + maxSurge - total;
  if (room <= 0) return current.spec.replicas;
  return current.spec.replicas + Math.min(room, replicas - current.spec.replicas);
}

function scaleDownOld(replicas: number, maxUnavailable: number, current: ReplicaSet, old: ReplicaSet[]): Action[] {
  if (sum(old, (rs) => rs.spec.replicas) === 0) return [];
  const all = [current, ...old];
  const minAvailable = replicas - maxUnavailable;
  const newUnavailable = current.spec.replicas - current.status.availableReplicas;
  const maxScaledDown = sum(all, (rs) => rs.spec.replicas) - minAvailable - newUnavailable;
  if (maxScaledDown <= 0) return [];
  const target = new Set<string>();
  // First the old pods that are not available anyway: removing them costs no availability.
  let cleaned = 0;
  for (const rs of old) {
    if (cleaned >= maxScaledDown) break;
    const unhealthy = rs.spec.replicas - rs.status.availableReplicas;
    if (rs.spec.replicas === 0 || unhealthy <= 0) continue;
    const n = Math.min(maxScaledDown - cleaned, unhealthy);
    rs.spec.replicas -= n;
    cleaned += n;
    target.add(rs.name);
  }
  // Then available old pods, oldest ReplicaSet first, while more than minAvailable stay available.
  const available = sum(all, (rs) => rs.status.availableReplicas);
  let budget = available - minAvailable;
  for (const rs of old) {
    if (budget <= 0) break;
    if (rs.spec.replicas === 0) continue;
    const n = Math.min(rs.spec.replicas, budget);
    rs.spec.replicas -= n;
    budget -= n;
    target.add(rs.name);
  }
  return old.filter((rs) => target.has(rs.name)).map((rs): Action => ({ type: "scale", name: rs.name, replicas: rs.spec.replicas }));
}
