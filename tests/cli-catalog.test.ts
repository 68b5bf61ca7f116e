import { describe, expect, it } from "vitest";
import { roadlab } from "./helpers/cli";

const packs = "tests/fixtures/packs";

describe("roadlab catalog", () => {
  it("lists each phase's exercises, its checkpoint and the topics not taught yet", async () => {
    const { code, stdout } = await roadlab("catalog", `${packs}/catalog`);
    expect(code).toBe(0);
    const lines = stdout.split("\n");
    const caching = lines.findIndex((l) => l.startsWith("10. Caching"));
    expect(lines[caching]).toBe("10. Caching (2 exercise(s), checkpoint: product-cache)");
    expect(lines[caching + 1]).toBe("    • cache-aside — cache-aside, Redis (beginner, 0 mutant(s))");
    expect(lines[caching + 2]).toBe("    ◆ product-cache — cache-aside, distributed caching (beginner, 2 mutant(s), checkpoint)");
    expect(lines[caching + 3]).toBe(
      "    not taught yet: client-side caching, CDN caching, server-side caching, database caching, Memcached",
    );
    expect(stdout).toContain(" 1. How the internet works (0 exercise(s), no checkpoint)\n    no exercises yet; topics: how the internet works, HTTP,");
    expect(lines.filter((l) => /^\d\d?\. /.test(l.trim()))).toHaveLength(25);
    expect(stdout.trimEnd().split("\n").pop()).toBe(
      "3 exercise(s) in 2 of 25 phases; 1 checkpoint(s); 4 of 198 topics taught, 194 not yet; 2 mutant(s)",
    );
  });

  it("prints one object with --json", async () => {
    const { code, stdout } = await roadlab("catalog", `${packs}/catalog`, "--json");
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.ok).toBe(true);
    expect(report.phases).toHaveLength(25);
    expect(report.phases[9]).toMatchObject({
      number: 10,
      slug: "caching",
      checkpoint: "product-cache",
      taught: ["distributed caching", "Redis", "cache-aside"],
      exercises: [
        { slug: "cache-aside", topics: ["cache-aside", "Redis"], checkpoint: false, mutants: 0 },
        { slug: "product-cache", checkpoint: true, mutants: 2, dir: `${packs}/catalog/10-caching/product-cache` },
      ],
    });
    expect(report.phases[3].untaught).not.toContain("joins");
    expect(report.totals).toEqual({
      phases: 25, phasesWithExercises: 2, exercises: 3, checkpoints: 1, topics: 198, taught: 4, untaught: 194, mutants: 2, problems: 0,
    });
  });

  it("covers the real catalog: every phase listed, every exercise tagged with topics", async () => {
    const { code, stdout } = await roadlab("catalog", "--json");
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.phases).toHaveLength(25);
    const exercises = report.phases.flatMap((p: { exercises: { topics: string[] }[] }) => p.exercises);
    expect(exercises.length).toBeGreaterThanOrEqual(20);
    for (const e of exercises) expect(e.topics.length).toBeGreaterThan(0);
  });

  it("names a misspelled topic with did-you-mean, and a second checkpoint in a phase, and exits 1", async () => {
    const { code, stdout } = await roadlab("catalog", `${packs}/broken/bad-topics`, `${packs}/checkpoints`);
    expect(code).toBe(1);
    const problems = stdout.split("\n").filter((l) => l.startsWith("✗ ")).map((l) => l.slice(2));
    expect(problems).toEqual([
      `${packs}/broken/bad-topics/exercise.json: topics.0: "Memcache" is not a topic of phase 10 (Caching) — did you mean "Memcached"?`,
      expect.stringMatching(/^tests\/fixtures\/packs\/broken\/bad-topics\/exercise\.json: topics\.1: "Kafka" is not a topic of phase 10 \(Caching\) — phase 10's topics: client-side caching, .*cache-aside$/),
      `${packs}/broken/bad-topics/exercise.json: topics.3: "Redis" is listed twice`,
      `${packs}/checkpoints/b/second/exercise.json: checkpoint: phase 2 already has a checkpoint, ${packs}/checkpoints/a/first — at most one per phase`,
    ]);
    expect(stdout.trimEnd().split("\n").pop()).toMatch(/; 4 problem\(s\)$/);
  });

  it("refuses a folder that does not exist with exit code 2", async () => {
    const { code, stderr } = await roadlab("catalog", "no/such/dir");
    expect(code).toBe(2);
    expect(stderr).toContain("roadlab: no folder at no/such/dir");
  });
});
