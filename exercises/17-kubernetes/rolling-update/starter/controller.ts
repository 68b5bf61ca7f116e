import { resolveStrategy } from "./strategy";
import type { Action, Deployment, ReplicaSet } from "./types";

/** One sync of the Deployment controller: the changes it would ask the API for, given what exists now. */
export function reconcile(deployment: Deployment, replicaSets: readonly ReplicaSet[]): Action[] {
  // TODO: find the new ReplicaSet (same template hash) and the old ones (oldest first), then
  // Recreate or RollingUpdate as the README describes.
  void deployment; void replicaSets; void resolveStrategy;
  throw new Error("not implemented");
}
