import { describe, expect, it } from "vitest";
import { resolveStrategy } from "../strategy";
import { DeploymentError, type RollingUpdate } from "../types";

function codeOf(run: () => unknown): string | undefined {
  try { run(); } catch (e) { expect(e).toBeInstanceOf(DeploymentError); return (e as DeploymentError).code; }
  return undefined;
}

describe("resolveStrategy", () => {
  it("rounds a percentage of maxSurge up and of maxUnavailable down", () => {
    expect(resolveStrategy(10, { maxSurge: "25%", maxUnavailable: "25%" })).toEqual({ maxSurge: 3, maxUnavailable: 2 });
    expect(resolveStrategy(5, { maxSurge: "10%", maxUnavailable: "30%" })).toEqual({ maxSurge: 1, maxUnavailable: 1 });
    expect(resolveStrategy(3, { maxSurge: 2, maxUnavailable: 0 })).toEqual({ maxSurge: 2, maxUnavailable: 0 });
  });

  it("defaults both to 25% and caps maxUnavailable at replicas", () => {
    expect(resolveStrategy(4)).toEqual({ maxSurge: 1, maxUnavailable: 1 });
    expect(resolveStrategy(10, { maxSurge: 1 })).toEqual({ maxSurge: 1, maxUnavailable: 2 });
    expect(resolveStrategy(4, { maxSurge: 2, maxUnavailable: 9 })).toEqual({ maxSurge: 2, maxUnavailable: 4 });
  });

  it("lets one pod be unavailable when rounding leaves both at zero", () => {
    expect(resolveStrategy(5, { maxSurge: 0, maxUnavailable: "10%" })).toEqual({ maxSurge: 0, maxUnavailable: 1 });
  });

  it("rejects what the API server rejects", () => {
    const bad: RollingUpdate[] = [
      { maxSurge: 0, maxUnavailable: 0 },
      { maxSurge: "0%", maxUnavailable: 0 },
      { maxSurge: -1 },
      { maxUnavailable: 1.5 },
      { maxSurge: "abc" },
      { maxSurge: "25" },
      { maxUnavailable: "150%" },
    ];
    for (const rollingUpdate of bad) expect(codeOf(() => resolveStrategy(10, rollingUpdate)), JSON.stringify(rollingUpdate)).toBe("INVALID_STRATEGY");
    expect(resolveStrategy(10, { maxSurge: "200%", maxUnavailable: "100%" })).toEqual({ maxSurge: 20, maxUnavailable: 10 });
  });
});
