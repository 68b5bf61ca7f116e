import { CanaryError, type CanaryConfig, type Decision, type MetricsSource, type Router } from "./types";

/** Walks a canary through its steps, one analysis per interval. */
export class CanaryRollout {
  constructor(private readonly config: CanaryConfig, private readonly metrics: MetricsSource, private readonly router: Router) {
    // TODO: INVALID_CONFIG checks
    void CanaryError;
  }

  /** The canary's current share of traffic. */
  get weight(): number {
    return 0; // TODO
  }

  async start(): Promise<void> {
    throw new Error("not implemented");
  }

  async analyse(): Promise<Decision> {
    throw new Error("not implemented");
  }
}
