import { describe, expect, it } from "vitest";
import { mutantFiles, mutantNames, parseMutants } from "./mutants";
import { formatProblem, type Problem } from "./problems";

describe("mutants", () => {
  it("lists mutant names from a pack's files, ignoring stray files and empty folders", () => {
    expect(mutantNames({ "mutants/b/main.ts": "", "mutants/a/README.md": "", "mutants/a/": "", "mutants/x.md": "", "mutants/": "", "solution/main.ts": "" })).toEqual(["a", "b"]);
  });

  it("parses each mutant's changed files and README line, and overlays them on solution/", () => {
    const problems: Problem[] = [];
    const solution = { "main.ts": "good", "util.ts": "u" };
    const [mutant] = parseMutants({ "mutants/off-by-one/main.ts": "bad", "mutants/off-by-one/README.md": "\nSkips the last item.\nmore\n" }, solution, [], (f) => `x/${f}`, problems);
    expect(problems).toEqual([]);
    expect(mutant).toEqual({ name: "off-by-one", files: { "main.ts": "bad" }, readme: "Skips the last item." });
    expect(mutantFiles(solution, mutant)).toEqual({ "main.ts": "bad", "util.ts": "u" });
  });

  it("refuses a file solution/ lacks, with did-you-mean", () => {
    const problems: Problem[] = [];
    parseMutants({ "mutants/m/mian.ts": "x" }, { "main.ts": "y" }, [], (f) => `x/${f}`, problems);
    expect(problems.map(formatProblem)).toEqual([`x/mutants/m/mian.ts: is not in solution/ — a mutant's files have solution's names — did you mean "main.ts"?`]);
  });
});
