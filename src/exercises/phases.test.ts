import { describe, expect, it } from "vitest";
import { phaseByNumber, phases } from "./phases";

describe("phases", () => {
  it("lists 25 phases numbered 1..25 in order", () => {
    expect(phases.map((p) => p.number)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
  });

  it("has unique kebab-case slugs", () => {
    const slugs = phases.map((p) => p.slug);
    expect(new Set(slugs).size).toBe(25);
    for (const slug of slugs) expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it("finds a phase by number", () => {
    expect(phaseByNumber(4)?.slug).toBe("relational-databases");
    expect(phaseByNumber(26)).toBeUndefined();
  });
});
