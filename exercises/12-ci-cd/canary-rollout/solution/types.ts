/** What the metrics backend reports for one analysis interval. */
export interface Metrics {
  requests: number;
  errors: number;
  /** 99th-percentile latency in milliseconds. */
  p99Ms: number;
}

/** Driven port: the last interval's metrics for each version (Prometheus, Datadog, … in production). */
export interface MetricsSource {
  canary(): Promise<Metrics>;
  stable(): Promise<Metrics>;
}

/** Driven port: the traffic split (a service mesh, an ingress, a load balancer). */
export interface Router {
  /** Percent of requests sent to the canary, 0–100. */
  setCanaryWeight(percent: number): Promise<void>;
}

export interface CanaryConfig {
  /** Canary weights to walk through, strictly increasing, each 1–99. */
  steps: number[];
  /** Fewer canary requests than this in an interval: too little to judge. */
  minRequests: number;
  /** Highest acceptable canary error rate, a fraction (0.01 = 1 %). */
  maxErrorRate: number;
  /** Canary p99 may be at most this many times the stable p99. */
  maxLatencyRatio: number;
  /** Failed checks (in total, over the rollout) that abort it. */
  failureThreshold: number;
}

export type Decision =
  | { action: "promote"; weight: number }
  | { action: "done"; weight: 100 }
  | { action: "wait"; weight: number; reason: "NO_TRAFFIC" }
  | { action: "hold"; weight: number; reason: "ERROR_RATE" | "LATENCY" }
  | { action: "rollback"; weight: 0; reason: "ERROR_RATE" | "LATENCY" };

export type CanaryErrorCode = "INVALID_CONFIG" | "BAD_METRICS" | "NOT_STARTED" | "ROLLOUT_OVER";

export class CanaryError extends Error {
  constructor(readonly code: CanaryErrorCode, message: string) {
    super(message);
    this.name = "CanaryError";
  }
}
