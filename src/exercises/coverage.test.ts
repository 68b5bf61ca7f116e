import { describe, expect, it } from "vitest";
import { coverage, type CoveredExercise } from "./coverage";
import { phases } from "./phases";

function exercise(slug: string, phase: number, topics: string[], extra: Partial<CoveredExercise["config"]> = {}): CoveredExercise {
  return { slug, config: { title: slug, phase, order: 100, difficulty: "beginner", topics, checkpoint: false, ...extra } };
}

describe("coverage", () => {
  it("gives every phase, with no exercises, every topic untaught", () => {
    const result = coverage([]);
    expect(result).toHaveLength(25);
    expect(result[10].untaught).toEqual(phases[10].topics);
    expect(result[10].checkpoint).toBeUndefined();
  });

  it("splits a phase's topics into taught and untaught, in the phase's order", () => {
    const [first] = coverage([exercise("a", 1, ["DNS", "HTTP"]), exercise("b", 1, ["HTTP"])]);
    expect(first.taught).toEqual(["HTTP", "DNS"]);
    expect(first.untaught).not.toContain("DNS");
    expect(first.taught.length + first.untaught.length).toBe(phases[0].topics.length);
  });

  it("orders exercises by order then slug, and finds the checkpoint", () => {
    const result = coverage([
      exercise("z", 4, [], { order: 10 }),
      exercise("b", 4, [], { checkpoint: true }),
      exercise("a", 4, []),
    ]);
    expect(result[3].exercises.map((e) => e.slug)).toEqual(["z", "a", "b"]);
    expect(result[3].checkpoint?.slug).toBe("b");
  });
});
