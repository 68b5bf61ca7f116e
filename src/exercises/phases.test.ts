import { readFileSync } from "node:fs";
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

  it("keeps the slugs of phases 1–10, where the exercise folders live", () => {
    expect(phases.slice(0, 10).map((p) => p.slug)).toEqual([
      "internet", "language", "version-control", "relational-databases", "orm-data-access",
      "apis", "authentication", "web-security", "testing", "caching",
    ]);
  });

  it("gives every phase a title, a summary, unique topics and a one-line checkpoint", () => {
    for (const phase of phases) {
      expect(phase.title.length, `phase ${phase.number}`).toBeGreaterThan(3);
      expect(phase.summary.length, `phase ${phase.number}`).toBeGreaterThan(20);
      expect(phase.topics.length, `phase ${phase.number}`).toBeGreaterThanOrEqual(4);
      expect(new Set(phase.topics).size, `phase ${phase.number}`).toBe(phase.topics.length);
      expect(phase.checkpoint, `phase ${phase.number}`).toMatch(/^\S.{20,200}$/);
      expect(phase.checkpoint).not.toContain("\n");
    }
  });

  it("follows ROADMAP.md's order of subjects", () => {
    const subjects = [
      /internet/i, /language/i, /version control/i, /relational/i, /ORM/, /APIs/, /authentication/i, /security/i,
      /testing/i, /caching/i, /databases/i, /CI\/CD/, /design/i, /architectural patterns/i, /message brokers/i,
      /containeri[sz]ation/i, /kubernetes/i, /gateways/i, /NoSQL/, /real-time/i, /search/i, /scale/i,
      /observability/i, /devops/i, /system design/i,
    ];
    phases.forEach((phase, i) => expect(phase.title).toMatch(subjects[i]));
  });

  it("has the same topics as the roadmap table, where the roadmap is at hand", () => {
    // shared/ROADMAP.md sits beside the repository on the developers' machines and in CI.
    let roadmap: string;
    try {
      roadmap = readFileSync(new URL("../../../shared/ROADMAP.md", import.meta.url), "utf8");
    } catch {
      return;
    }
    const rows = roadmap.split("\n").filter((line) => /^\| \d+ \|/.test(line));
    expect(rows).toHaveLength(25);
    for (const phase of phases) {
      const cells = rows[phase.number - 1].split("|").map((c) => c.trim());
      expect(Number(cells[1])).toBe(phase.number);
      // Each of our topics names something the roadmap's topic cell names (first word, case-insensitive).
      for (const topic of phase.topics) {
        const word = topic.split(/[\s/(–-]/)[0].toLowerCase().replace(/s$/, "");
        expect(cells[3].toLowerCase(), `phase ${phase.number}: ${topic}`).toContain(word);
      }
    }
  });

  it("finds a phase by number", () => {
    expect(phaseByNumber(4)?.slug).toBe("relational-databases");
    expect(phaseByNumber(11)?.slug).toBe("more-databases");
    expect(phaseByNumber(26)).toBeUndefined();
  });
});
