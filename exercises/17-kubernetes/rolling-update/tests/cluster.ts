import { expect } from "vitest";
import { reconcile } from "../controller";
import { resolveStrategy } from "../strategy";
import type { Action, Deployment, ReplicaSet, RollingUpdate } from "../types";

export function deployment(replicas: number, hash: string, rollingUpdate?: RollingUpdate): Deployment {
  return { name: "web", spec: { replicas, template: { hash }, strategy: { type: "RollingUpdate", rollingUpdate } } };
}

export function rs(name: string, createdAt: number, replicas: number, available = replicas, pods = replicas): ReplicaSet {
  return { name, templateHash: name.replace(/^web-/, ""), createdAt, spec: { replicas }, status: { replicas: pods, availableReplicas: available } };
}

/**
 * A tiny cluster: the ReplicaSet controller and the kubelets, driven by the learner's reconcile().
 * Pods of a template in `broken` never become available; the others do one tick after they exist.
 */
export class Cluster {
  readonly sets: ReplicaSet[];
  private clock = 100;
  readonly log: Action[][] = [];

  constructor(public deployment: Deployment, sets: ReplicaSet[], readonly broken = new Set<string>()) {
    this.sets = structuredClone(sets);
  }

  /** One controller sync: apply its actions, then check the rollout's promises. */
  sync(): Action[] {
    const before = structuredClone(this.sets);
    const actions = reconcile(this.deployment, before);
    expect(before, "reconcile must not change its input").toEqual(this.sets);
    this.log.push(actions);
    for (const action of actions) {
      if (action.type === "create") {
        expect(this.sets.some((s) => s.templateHash === action.templateHash)).toBe(false);
        this.sets.push({ name: action.name, templateHash: action.templateHash, createdAt: this.clock++, spec: { replicas: action.replicas }, status: { replicas: 0, availableReplicas: 0 } });
      } else {
        const target = this.sets.find((s) => s.name === action.name);
        expect(target, `scale of an unknown ReplicaSet ${action.name}`).toBeDefined();
        target!.spec.replicas = action.replicas;
        // The ReplicaSet deletes unavailable pods first; a deleted pod stops being available at once.
        target!.status.availableReplicas = Math.min(target!.status.availableReplicas, action.replicas);
      }
    }
    return actions;
  }

  /** Time passes: pods that existed become available (unless broken), then pods are created and deleted to match spec. */
  tick(): void {
    for (const s of this.sets) {
      if (!this.broken.has(s.templateHash)) s.status.availableReplicas = Math.min(s.status.replicas, s.spec.replicas);
      s.status.replicas = s.spec.replicas;
    }
  }

  get total(): number { return this.sets.reduce((n, s) => n + s.spec.replicas, 0); }
  get available(): number { return this.sets.reduce((n, s) => n + s.status.availableReplicas, 0); }
  replicasOf(hash: string): number { return this.sets.find((s) => s.templateHash === hash)?.spec.replicas ?? 0; }

  /** Sync and tick until a sync asks for nothing twice in a row, checking the bounds after every sync. */
  runToCompletion(checkAvailability = true, limit = 60): number {
    const { replicas, strategy } = this.deployment.spec;
    const bounds = strategy.type === "RollingUpdate" ? resolveStrategy(replicas, strategy.rollingUpdate) : undefined;
    let quiet = 0;
    for (let step = 1; step <= limit; step++) {
      const actions = this.sync();
      if (bounds) {
        expect(this.total, `step ${step}: more than replicas + maxSurge pods`).toBeLessThanOrEqual(replicas + bounds.maxSurge);
        if (checkAvailability) {
          expect(this.available, `step ${step}: fewer than replicas − maxUnavailable available`).toBeGreaterThanOrEqual(replicas - bounds.maxUnavailable);
        }
      }
      this.tick();
      quiet = actions.length === 0 ? quiet + 1 : 0;
      if (quiet === 2) return step;
    }
    throw new Error(`no steady state after ${limit} syncs`);
  }
}
