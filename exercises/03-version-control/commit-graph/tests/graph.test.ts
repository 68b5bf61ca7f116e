import { describe, it, expect } from "vitest";
import { log, isAncestor, mergeBase, UnknownCommitError, type CommitGraph } from "../main";

/** The error `run` throws, or a note that it threw nothing, so assertions can look inside it. */
function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return "nothing was thrown";
}

/** Builds a graph from `id: [time, parents]`, so the shape of each history is easy to read. */
function graphOf(spec: Record<string, [number, string[]]>): CommitGraph {
  const graph: Record<string, { parents: string[]; time: number; message: string }> = {};
  for (const [id, [time, parents]] of Object.entries(spec)) graph[id] = { parents: [...parents], time, message: `commit ${id}` };
  return graph;
}

// Every expected order and merge base below was checked against real git 2.39 while writing this
// exercise: each graph was recreated with `git commit-tree` (GIT_COMMITTER_DATE='@<time> +0000',
// message = id) and compared with `git log`, `git log --first-parent`, `git log -n2`,
// `git merge-base --all` and `git merge-base --is-ancestor` for every commit (and pair).

/** main: r - a - b, feature: a - f1 - f2, merged as m (first parent b), then c. */
const historySpec: Record<string, [number, string[]]> = {
  r: [100, []],
  a: [200, ["r"]],
  b: [300, ["a"]],
  f1: [250, ["a"]],
  f2: [350, ["f1"]],
  m: [400, ["b", "f2"]],
  c: [500, ["m"]],
};
const history = graphOf(historySpec);

/** Two commits with the same time, merged in both parent orders. */
const ties = graphOf({
  root: [100, []],
  left: [200, ["root"]],
  right: [200, ["root"]],
  merge: [300, ["left", "right"]],
  merge2: [300, ["right", "left"]],
});

/** Wrong clocks: z is newer than its child y, and p is newer than its child. */
const skew = graphOf({
  base: [1000, []],
  x: [2500, ["base"]],
  z: [2800, ["base"]],
  y: [1500, ["z"]],
  m: [3000, ["x", "y"]],
  p: [5000, ["base"]],
  child: [2000, ["p"]],
});

/** Criss-cross: a2 merged b1 while b2 merged a1. */
const crissCross = graphOf({
  r: [100, []],
  a1: [200, ["r"]],
  b1: [210, ["r"]],
  a2: [300, ["a1", "b1"]],
  b2: [310, ["b1", "a1"]],
  a3: [400, ["a2"]],
});

/** An octopus merge of three branches; a and c have the same time. */
const octopus = graphOf({
  r: [100, []],
  a: [300, ["r"]],
  b: [200, ["r"]],
  c: [300, ["r"]],
  o: [400, ["b", "c", "a"]],
});

/** Two root commits that never meet. */
const unrelated = graphOf({ r: [100, []], s: [200, ["r"]], x: [150, []], y: [250, ["x"]] });

describe("log", () => {
  it("lists a merged history newest first, each commit once", () => {
    expect(log(history, "c")).toEqual(["c", "m", "f2", "b", "f1", "a", "r"]);
    expect(log(crissCross, "a3")).toEqual(["a3", "a2", "b1", "a1", "r"]);
    expect(log(history, "r")).toEqual(["r"]);
  });

  it("breaks ties on time by discovery order (parent order), not by id", () => {
    expect(log(ties, "merge")).toEqual(["merge", "left", "right", "root"]);
    expect(log(ties, "merge2")).toEqual(["merge2", "right", "left", "root"]);
    expect(log(octopus, "o")).toEqual(["o", "c", "a", "b", "r"]);
  });

  it("walks instead of sorting: a commit with a wrong clock waits until a child leads to it", () => {
    // A global sort by time would put z (2800) before x (2500) and p (5000) before child (2000).
    expect(log(skew, "m")).toEqual(["m", "x", "y", "z", "base"]);
    expect(log(skew, "child")).toEqual(["child", "p", "base"]);
  });

  it("stops after `limit` commits", () => {
    expect(log(history, "c", { limit: 3 })).toEqual(["c", "m", "f2"]);
    expect(log(history, "c", { limit: 1 })).toEqual(["c"]);
    expect(log(history, "c", { limit: 0 })).toEqual([]);
    expect(log(history, "b", { limit: 100 })).toEqual(["b", "a", "r"]);
  });

  it("rejects a limit that is not a non-negative integer with a RangeError", () => {
    for (const limit of [-1, 1.5, Number.NaN]) {
      expect(() => log(history, "c", { limit }), `limit ${limit}`).toThrow(RangeError);
    }
  });

  it("follows only first parents with firstParent", () => {
    expect(log(history, "c", { firstParent: true })).toEqual(["c", "m", "b", "a", "r"]);
    expect(log(history, "c", { firstParent: true, limit: 2 })).toEqual(["c", "m"]);
    expect(log(octopus, "o", { firstParent: true })).toEqual(["o", "b", "r"]);
    expect(log(crissCross, "b2", { firstParent: true })).toEqual(["b2", "b1", "r"]);
  });

  it("throws UnknownCommitError with the id for a head that is not in the graph", () => {
    const error = thrownBy(() => log(history, "nope"));
    expect(error).toBeInstanceOf(UnknownCommitError);
    expect(error).toMatchObject({ id: "nope" });
  });

  it("does not mistake Object.prototype's keys for commits", () => {
    for (const id of ["constructor", "__proto__", "toString", "hasOwnProperty"]) {
      expect(() => log(history, id), id).toThrow(UnknownCommitError);
      expect(() => isAncestor(history, id, "c"), id).toThrow(UnknownCommitError);
      expect(() => mergeBase(history, "c", id), id).toThrow(UnknownCommitError);
    }
  });

  it("throws UnknownCommitError naming a parent that is missing from the graph", () => {
    const broken = graphOf({ head: [300, ["middle"]], middle: [200, ["gone"]] });
    const error = thrownBy(() => log(broken, "head"));
    expect(error).toBeInstanceOf(UnknownCommitError);
    expect(error).toMatchObject({ id: "gone" });
  });

  it("leaves the graph unchanged", () => {
    const graph = graphOf(historySpec); // a fresh copy: other tests can't have changed it
    log(graph, "c");
    log(graph, "c", { firstParent: true });
    isAncestor(graph, "f1", "c");
    mergeBase(graph, "b", "f2");
    expect(graph).toEqual(graphOf(historySpec));
  });
});

describe("isAncestor", () => {
  it("is true along parents, through either side of a merge, and for the commit itself", () => {
    expect(isAncestor(history, "b", "c")).toBe(true);
    expect(isAncestor(history, "f1", "c")).toBe(true); // via m's second parent
    expect(isAncestor(history, "r", "c")).toBe(true);
    expect(isAncestor(history, "m", "m")).toBe(true);
  });

  it("is false for descendants, siblings and unrelated commits", () => {
    expect(isAncestor(history, "c", "r")).toBe(false);
    expect(isAncestor(history, "b", "f2")).toBe(false);
    expect(isAncestor(history, "f2", "b")).toBe(false);
    expect(isAncestor(unrelated, "r", "y")).toBe(false);
  });

  it("throws UnknownCommitError when either id is not in the graph", () => {
    expect(() => isAncestor(history, "zzz", "c")).toThrow(UnknownCommitError);
    expect(() => isAncestor(history, "a", "zzz")).toThrow(UnknownCommitError);
  });
});

describe("mergeBase", () => {
  it("finds the fork point of two branches, whichever comes first", () => {
    expect(mergeBase(history, "b", "f2")).toEqual(["a"]);
    expect(mergeBase(history, "f2", "b")).toEqual(["a"]);
    expect(mergeBase(skew, "x", "child")).toEqual(["base"]);
  });

  it("is the older commit when one is an ancestor of the other, and x itself for (x, x)", () => {
    expect(mergeBase(history, "c", "f2")).toEqual(["f2"]);
    expect(mergeBase(history, "a", "c")).toEqual(["a"]);
    expect(mergeBase(history, "m", "m")).toEqual(["m"]);
  });

  it("returns both best common ancestors after a criss-cross merge, sorted by id", () => {
    expect(mergeBase(crissCross, "a2", "b2")).toEqual(["a1", "b1"]);
    expect(mergeBase(crissCross, "b2", "a3")).toEqual(["a1", "b1"]);
  });

  it("moves the merge base forward after main was merged into the topic branch", () => {
    // topic merged main at m2; the next merge only needs to look back to m2, not to r.
    const backMerge = graphOf({
      r: [100, []],
      m1: [200, ["r"]],
      t1: [250, ["r"]],
      m2: [300, ["m1"]],
      t2: [350, ["t1", "m2"]],
      m3: [400, ["m2"]],
      t3: [450, ["t2"]],
    });
    expect(mergeBase(backMerge, "m3", "t3")).toEqual(["m2"]);
  });

  it("returns [] for unrelated histories", () => {
    expect(mergeBase(unrelated, "s", "y")).toEqual([]);
  });

  it("throws UnknownCommitError when either id is not in the graph", () => {
    expect(() => mergeBase(history, "c", "nope")).toThrow(UnknownCommitError);
    expect(() => mergeBase(history, "nope", "c")).toThrow(UnknownCommitError);
  });
});

/**
 * The graph behind a Proxy that counts how often a commit is read from it and gives up past
 * `perCommit` reads per commit: a walk that is not linear fails at once instead of running for
 * minutes (and a counted budget, unlike a clock, does not depend on how busy the machine is).
 */
function budgeted(graph: CommitGraph, perCommit = 10): CommitGraph {
  const budget = perCommit * Object.keys(graph).length;
  let reads = 0;
  return new Proxy(graph, {
    get(target, key, receiver) {
      if (typeof key === "string" && Object.hasOwn(target, key) && ++reads > budget) {
        throw new Error(`more than ${budget} commit lookups (${perCommit} per commit): the walk is not linear`);
      }
      return Reflect.get(target, key, receiver);
    },
  });
}

describe("a long history", () => {
  it("handles 50,000 commits with loops, not recursion, and a number of lookups linear in the commits", () => {
    // c0 ← c1 ← … ← c49999 on main, plus two short branches off c49000.
    const spec: Record<string, [number, string[]]> = {};
    const n = 50_000;
    for (let i = 0; i < n; i++) spec[`c${i}`] = [1_000_000 + i, i === 0 ? [] : [`c${i - 1}`]];
    spec.left = [2_000_000, ["c49000"]];
    spec.right = [2_000_001, ["c49000"]];
    const big = graphOf(spec);

    expect(log(budgeted(big), "c49999", { limit: 3 })).toEqual(["c49999", "c49998", "c49997"]);
    expect(log(budgeted(big), "c49999")).toHaveLength(n);
    expect(isAncestor(budgeted(big), "c0", "c49999")).toBe(true);
    expect(isAncestor(budgeted(big), "c49999", "c0")).toBe(false);
    expect(mergeBase(budgeted(big), "left", "right")).toEqual(["c49000"]);
    expect(mergeBase(budgeted(big), "left", "c49999")).toEqual(["c49000"]);
  });
});
