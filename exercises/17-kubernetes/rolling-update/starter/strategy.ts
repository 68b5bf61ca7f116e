import { DeploymentError, type Fenceposts, type RollingUpdate } from "./types";

/** maxSurge and maxUnavailable as pod counts: surge rounds up, unavailable down, and never both 0. */
export function resolveStrategy(replicas: number, rollingUpdate: RollingUpdate = {}): Fenceposts {
  // TODO: defaults, validation (DeploymentError "INVALID_STRATEGY"), rounding, the both-zero fencepost, the cap
  void replicas; void rollingUpdate; void DeploymentError;
  throw new Error("not implemented");
}
