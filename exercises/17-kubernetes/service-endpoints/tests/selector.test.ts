import { describe, expect, it } from "vitest";
import { matches } from "../selector";
import { SelectorError, type LabelSelector } from "../types";

const pod = { app: "shop", tier: "web", track: "stable" };

function codeOf(run: () => unknown): string | undefined {
  try { run(); } catch (e) { expect(e).toBeInstanceOf(SelectorError); return (e as SelectorError).code; }
  return undefined;
}

describe("matches", () => {
  it("needs every matchLabels pair, and an empty selector matches everything", () => {
    expect(matches({ matchLabels: { app: "shop", tier: "web" } }, pod)).toBe(true);
    expect(matches({ matchLabels: { app: "shop", tier: "db" } }, pod)).toBe(false);
    expect(matches({ matchLabels: { app: "shop", zone: "a" } }, pod)).toBe(false);
    expect(matches({ matchLabels: { toString: "x" } }, {})).toBe(false);
    expect(matches({}, pod)).toBe(true);
    expect(matches({ matchLabels: {}, matchExpressions: [] }, {})).toBe(true);
  });

  it("treats In and NotIn as set membership, NotIn holding for a pod without the key", () => {
    expect(matches({ matchExpressions: [{ key: "tier", operator: "In", values: ["web", "api"] }] }, pod)).toBe(true);
    expect(matches({ matchExpressions: [{ key: "tier", operator: "In", values: ["api"] }] }, pod)).toBe(false);
    expect(matches({ matchExpressions: [{ key: "zone", operator: "In", values: ["a"] }] }, pod)).toBe(false);
    expect(matches({ matchExpressions: [{ key: "track", operator: "NotIn", values: ["canary"] }] }, pod)).toBe(true);
    expect(matches({ matchExpressions: [{ key: "track", operator: "NotIn", values: ["canary", "stable"] }] }, pod)).toBe(false);
    expect(matches({ matchExpressions: [{ key: "zone", operator: "NotIn", values: ["a"] }] }, pod)).toBe(true);
  });

  it("checks only the key for Exists and DoesNotExist", () => {
    expect(matches({ matchExpressions: [{ key: "track", operator: "Exists" }] }, pod)).toBe(true);
    expect(matches({ matchExpressions: [{ key: "track", operator: "Exists" }] }, { track: "" })).toBe(true);
    expect(matches({ matchExpressions: [{ key: "zone", operator: "Exists" }] }, pod)).toBe(false);
    expect(matches({ matchExpressions: [{ key: "zone", operator: "DoesNotExist", values: [] }] }, pod)).toBe(true);
    expect(matches({ matchExpressions: [{ key: "app", operator: "DoesNotExist" }] }, pod)).toBe(false);
  });

  it("ANDs matchLabels and every expression", () => {
    const selector: LabelSelector = {
      matchLabels: { app: "shop" },
      matchExpressions: [{ key: "tier", operator: "In", values: ["web"] }, { key: "track", operator: "NotIn", values: ["canary"] }],
    };
    expect(matches(selector, pod)).toBe(true);
    expect(matches(selector, { ...pod, track: "canary" })).toBe(false);
    expect(matches(selector, { ...pod, app: "blog" })).toBe(false);
  });

  it("rejects expressions the API server rejects, even when matchLabels already fails", () => {
    const bad = [
      { key: "tier", operator: "In" },
      { key: "tier", operator: "NotIn", values: [] },
      { key: "tier", operator: "Exists", values: ["web"] },
      { key: "tier", operator: "DoesNotExist", values: ["web"] },
      { key: "tier", operator: "Equals", values: ["web"] },
    ] as LabelSelector["matchExpressions"];
    for (const req of bad!) {
      expect(codeOf(() => matches({ matchLabels: { app: "other" }, matchExpressions: [req] }, pod)), JSON.stringify(req)).toBe("INVALID_SELECTOR");
    }
  });
});
