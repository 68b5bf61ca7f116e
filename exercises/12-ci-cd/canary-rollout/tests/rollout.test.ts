import { describe, expect, it } from "vitest";
import { CanaryRollout } from "../rollout";
import { CanaryError, type CanaryConfig, type Metrics, type MetricsSource, type Router } from "../types";

const config: CanaryConfig = { steps: [10, 30, 60], minRequests: 100, maxErrorRate: 0.01, maxLatencyRatio: 1.5, failureThreshold: 2 };
const healthy: Metrics = { requests: 1_000, errors: 5, p99Ms: 120 };
const stable: Metrics = { requests: 9_000, errors: 40, p99Ms: 100 };

/** The test's metrics backend: the next canary readings, one per analysis. */
function fakes(readings: Metrics[], stableReading: Metrics = stable) {
  const weights: number[] = [];
  let failNext = false;
  const metrics: MetricsSource = {
    canary: async () => readings.shift() ?? healthy,
    stable: async () => stableReading,
  };
  const router: Router = {
    setCanaryWeight: async (w) => {
      if (failNext) { failNext = false; throw new Error("mesh API unavailable"); }
      weights.push(w);
    },
  };
  return { metrics, router, weights, failRouterOnce: () => { failNext = true; } };
}
async function codeOf(run: () => unknown) {
  try { await run(); } catch (e) { expect(e).toBeInstanceOf(CanaryError); return (e as CanaryError).code; }
  return undefined;
}
async function started(readings: Metrics[] = [], cfg = config) {
  const f = fakes(readings);
  const rollout = new CanaryRollout(cfg, f.metrics, f.router);
  await rollout.start();
  return { rollout, ...f };
}

describe("CanaryRollout", () => {
  it("starts at the first step and promotes one step per healthy analysis, then to 100", async () => {
    const { rollout, weights } = await started();
    expect(rollout.weight).toBe(10);
    expect(await rollout.analyse()).toEqual({ action: "promote", weight: 30 });
    expect(await rollout.analyse()).toEqual({ action: "promote", weight: 60 });
    expect(await rollout.analyse()).toEqual({ action: "done", weight: 100 });
    expect(weights).toEqual([10, 30, 60, 100]);
    expect(rollout.weight).toBe(100);
    expect(await codeOf(() => rollout.analyse())).toBe("ROLLOUT_OVER");
  });

  it("waits, neither passing nor failing, while the canary has too few requests", async () => {
    const bad: Metrics = { requests: 1_000, errors: 50, p99Ms: 100 };
    const { rollout, weights } = await started([{ requests: 99, errors: 99, p99Ms: 9_000 }, { requests: 0, errors: 0, p99Ms: 0 }, bad]);
    expect(await rollout.analyse()).toEqual({ action: "wait", weight: 10, reason: "NO_TRAFFIC" });
    expect(await rollout.analyse()).toEqual({ action: "wait", weight: 10, reason: "NO_TRAFFIC" });
    expect(await rollout.analyse()).toEqual({ action: "hold", weight: 10, reason: "ERROR_RATE" });
    expect(await rollout.analyse()).toEqual({ action: "promote", weight: 30 });
    expect(weights).toEqual([10, 30]);
  });

  it("holds on a failed check and rolls back when failures reach the threshold, in total", async () => {
    const bad: Metrics = { requests: 1_000, errors: 11, p99Ms: 100 };
    const { rollout, weights } = await started([bad, healthy, bad]);
    expect(await rollout.analyse()).toEqual({ action: "hold", weight: 10, reason: "ERROR_RATE" });
    expect(await rollout.analyse()).toEqual({ action: "promote", weight: 30 });
    expect(await rollout.analyse()).toEqual({ action: "rollback", weight: 0, reason: "ERROR_RATE" });
    expect(weights).toEqual([10, 30, 0]);
    expect(rollout.weight).toBe(0);
    expect(await codeOf(() => rollout.analyse())).toBe("ROLLOUT_OVER");
  });

  it("accepts an error rate exactly at the limit", async () => {
    const { rollout } = await started([{ requests: 1_000, errors: 10, p99Ms: 100 }]);
    expect(await rollout.analyse()).toEqual({ action: "promote", weight: 30 });
  });

  it("compares the canary's p99 with the stable version's, not with a fixed number", async () => {
    const { rollout } = await started([{ requests: 500, errors: 0, p99Ms: 150 }, { requests: 500, errors: 0, p99Ms: 151 }], { ...config, failureThreshold: 1 });
    expect(await rollout.analyse()).toEqual({ action: "promote", weight: 30 });
    expect(await rollout.analyse()).toEqual({ action: "rollback", weight: 0, reason: "LATENCY" });
  });

  it("names the error rate first when both checks fail", async () => {
    const { rollout } = await started([{ requests: 500, errors: 50, p99Ms: 900 }]);
    expect(await rollout.analyse()).toEqual({ action: "hold", weight: 10, reason: "ERROR_RATE" });
  });

  it("moves only when the router has accepted the new weight", async () => {
    const { rollout, weights, failRouterOnce } = await started();
    failRouterOnce();
    await expect(rollout.analyse()).rejects.toThrow("mesh API unavailable");
    expect(rollout.weight).toBe(10);
    expect(await rollout.analyse()).toEqual({ action: "promote", weight: 30 });
    expect(weights).toEqual([10, 30]);
  });

  it("refuses metrics that cannot be true", async () => {
    for (const m of [{ requests: 100, errors: 101, p99Ms: 1 }, { requests: -1, errors: 0, p99Ms: 1 }, { requests: 100, errors: 0, p99Ms: Number.NaN }]) {
      const { rollout, weights } = await started([m]);
      expect(await codeOf(() => rollout.analyse())).toBe("BAD_METRICS");
      expect(weights).toEqual([10]);
    }
  });

  it("must be started first, and only once", async () => {
    const f = fakes([]);
    const rollout = new CanaryRollout(config, f.metrics, f.router);
    expect(await codeOf(() => rollout.analyse())).toBe("NOT_STARTED");
    expect(rollout.weight).toBe(0);
    await rollout.start();
    expect(await codeOf(() => rollout.start())).toBe("ROLLOUT_OVER");
  });

  it("rejects a configuration it cannot follow", async () => {
    const f = fakes([]);
    for (const bad of [{ steps: [] }, { steps: [10, 10] }, { steps: [30, 10] }, { steps: [10, 100] }, { failureThreshold: 0 }, { maxLatencyRatio: 0.9 }, { maxErrorRate: 1 }, { minRequests: 0 }]) {
      expect(await codeOf(() => new CanaryRollout({ ...config, ...bad }, f.metrics, f.router))).toBe("INVALID_CONFIG");
    }
  });
});
