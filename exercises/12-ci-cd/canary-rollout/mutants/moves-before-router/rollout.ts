import { CanaryError, type CanaryConfig, type Decision, type Metrics, type MetricsSource, type Router } from "./types";

function checkConfig({ steps, minRequests, maxErrorRate, maxLatencyRatio, failureThreshold }: CanaryConfig) {
  const increasing = steps.every((s, i) => Number.isInteger(s) && s >= 1 && s <= 99 && (i === 0 || s > steps[i - 1]));
  if (steps.length === 0 || !increasing) throw new CanaryError("INVALID_CONFIG", "steps must be strictly increasing whole percents from 1 to 99");
  if (!Number.isInteger(minRequests) || minRequests < 1) throw new CanaryError("INVALID_CONFIG", "minRequests must be at least 1");
  if (!(maxErrorRate >= 0 && maxErrorRate < 1)) throw new CanaryError("INVALID_CONFIG", "maxErrorRate must be in [0, 1)");
  if (!(maxLatencyRatio >= 1)) throw new CanaryError("INVALID_CONFIG", "maxLatencyRatio must be at least 1");
  if (!Number.isInteger(failureThreshold) || failureThreshold < 1) throw new CanaryError("INVALID_CONFIG", "failureThreshold must be at least 1");
}

function checkMetrics(m: Metrics, which: string) {
  const ok = [m.requests, m.errors].every((n) => Number.isInteger(n) && n >= 0) && m.errors <= m.requests && Number.isFinite(m.p99Ms) && m.p99Ms >= 0;
  if (!ok) throw new CanaryError("BAD_METRICS", `${which}: ${JSON.stringify(m)}`);
}

/** Walks a canary through its steps, one analysis per interval, the way Flagger's analysis loop does. */
export class CanaryRollout {
  #step = -1;
  #failures = 0;
  #over = false;

  constructor(private readonly config: CanaryConfig, private readonly metrics: MetricsSource, private readonly router: Router) {
    checkConfig(config);
  }

  /** The canary's current share of traffic. */
  get weight(): number {
    if (this.#over) return this.#step === Infinity ? 100 : 0;
    return this.#step < 0 ? 0 : this.config.steps[this.#step];
  }

  async start(): Promise<void> {
    if (this.#over || this.#step >= 0) throw new CanaryError("ROLLOUT_OVER", "already started");
    await this.router.setCanaryWeight(this.config.steps[0]);
    this.#step = 0;
  }

  async analyse(): Promise<Decision> {
    if (this.#over) throw new CanaryError("ROLLOUT_OVER", "the rollout has finished");
    if (this.#step < 0) throw new CanaryError("NOT_STARTED", "call start() first");
    const [canary, stable] = await Promise.all([this.metrics.canary(), this.metrics.stable()]);
    checkMetrics(canary, "canary");
    checkMetrics(stable, "stable");
    const { steps, minRequests, maxErrorRate, maxLatencyRatio, failureThreshold } = this.config;

    if (canary.requests < minRequests) return { action: "wait", weight: this.weight, reason: "NO_TRAFFIC" };

    const reason =
      canary.errors / canary.requests > maxErrorRate ? "ERROR_RATE"
      : canary.p99Ms > stable.p99Ms * maxLatencyRatio ? "LATENCY"
      : undefined;

    if (reason) {
      if (this.#failures + 1 < failureThreshold) {
        this.#failures += 1;
        return { action: "hold", weight: this.weight, reason };
      }
      await this.router.setCanaryWeight(0);
      this.#failures += 1;
      this.#over = true;
      return { action: "rollback", weight: 0, reason };
    }

    // Move the state only once the router has accepted the new split.
    if (this.#step === steps.length - 1) {
      await this.router.setCanaryWeight(100);
      this.#over = true;
      this.#step = Infinity;
      return { action: "done", weight: 100 };
    }
    this.#step += 1;
    await this.router.setCanaryWeight(steps[this.#step]);
    return { action: "promote", weight: steps[this.#step] };
  }
}
