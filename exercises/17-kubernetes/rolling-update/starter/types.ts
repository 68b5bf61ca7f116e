/** An int (`1`) or a percentage of spec.replicas (`"25%"`), as in the Deployment API's IntOrString. */
export type IntOrPercent = number | string;

export interface RollingUpdate {
  maxSurge?: IntOrPercent;
  maxUnavailable?: IntOrPercent;
}

export interface Deployment {
  name: string;
  spec: {
    replicas: number;
    /** The pod template, reduced to its hash: a new hash means a new version to roll out. */
    template: { hash: string };
    strategy: { type: "RollingUpdate"; rollingUpdate?: RollingUpdate } | { type: "Recreate" };
  };
}

export interface ReplicaSet {
  name: string;
  templateHash: string;
  /** Creation order: a smaller number is older. */
  createdAt: number;
  spec: { replicas: number };
  /** What exists: pods of this ReplicaSet, and how many of them are available (ready long enough). */
  status: { replicas: number; availableReplicas: number };
}

export type Action =
  | { type: "create"; name: string; templateHash: string; replicas: number }
  | { type: "scale"; name: string; replicas: number };

export interface Fenceposts {
  maxSurge: number;
  maxUnavailable: number;
}

export type DeploymentErrorCode = "INVALID_STRATEGY";

export class DeploymentError extends Error {
  constructor(readonly code: DeploymentErrorCode, message: string) {
    super(message);
    this.name = "DeploymentError";
  }
}
