/** The shapes of the real API objects, cut down to the fields this exercise reads. */

export type Labels = Record<string, string>;

export interface LabelSelectorRequirement {
  key: string;
  operator: "In" | "NotIn" | "Exists" | "DoesNotExist";
  values?: string[];
}

/** metav1.LabelSelector, as in a Deployment's spec.selector. */
export interface LabelSelector {
  matchLabels?: Labels;
  matchExpressions?: LabelSelectorRequirement[];
}

export type Protocol = "TCP" | "UDP" | "SCTP";

export interface ContainerPort {
  name?: string;
  containerPort: number;
  protocol?: Protocol;
}

export interface Pod {
  metadata: { name: string; namespace: string; labels?: Labels; deletionTimestamp?: string };
  spec: { containers: { name: string; ports?: ContainerPort[] }[] };
  status: {
    phase: "Pending" | "Running" | "Succeeded" | "Failed" | "Unknown";
    podIP?: string;
    conditions?: { type: string; status: "True" | "False" | "Unknown" }[];
  };
}

export interface ServicePort {
  name?: string;
  port: number;
  /** A number, a container port's name, or absent (then the same as port). */
  targetPort?: number | string;
  protocol?: Protocol;
}

export interface Service {
  metadata: { name: string; namespace: string };
  spec: { selector?: Labels; ports: ServicePort[]; publishNotReadyAddresses?: boolean };
}

export interface Endpoint {
  pod: string;
  ip: string;
  /** The port on the pod that traffic for this service port goes to. */
  port: number;
}

/** The endpoints of one service port. */
export interface PortEndpoints {
  name: string;
  port: number;
  protocol: Protocol;
  ready: Endpoint[];
  notReady: Endpoint[];
}

export class SelectorError extends Error {
  readonly code = "INVALID_SELECTOR";
  constructor(message: string) {
    super(message);
    this.name = "SelectorError";
  }
}
