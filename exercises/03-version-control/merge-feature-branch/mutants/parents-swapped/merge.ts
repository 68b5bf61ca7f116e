import type { Repo, Tree } from "./repo";

export interface Labels {
  ours: string;
  theirs: string;
}

export type MergeResult =
  | { kind: "up-to-date" }
  | { kind: "fast-forward"; to: string }
  | { kind: "merged"; commit: string }
  | { kind: "conflicts"; paths: string[]; tree: Tree };

/** A file as lines; every line of the result ends with "\n", as git writes text files. */
function lines(text: string): string[] {
  return text === "" ? [] : text.replace(/\n$/, "").split("\n");
}

/** For each line of `a`, the index of the line of `b` it is matched with in a longest common subsequence. */
function matches(a: string[], b: string[]): (number | undefined)[] {
  const lcs = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const matched: (number | undefined)[] = new Array(a.length).fill(undefined);
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] === b[j]) matched[i++] = j++;
    else if (lcs[i + 1][j] >= lcs[i][j + 1]) i++;
    else j++;
  }
  return matched;
}

const same = (x: string[], y: string[]) => x.length === y.length && x.every((line, i) => line === y[i]);

/**
 * diff3: lines of the base that both sides kept are anchors; between two anchors, a change on one
 * side only is taken, the same change on both sides is taken once, and different changes conflict.
 */
export function mergeText(base: string, ours: string, theirs: string, labels: Labels): { text: string; conflicts: number } {
  const [b, o, t] = [lines(base), lines(ours), lines(theirs)];
  const [mo, mt] = [matches(b, o), matches(b, t)];
  const out: string[] = [];
  let conflicts = 0;
  let [bi, oi, ti] = [0, 0, 0];
  const settle = (bEnd: number, oEnd: number, tEnd: number) => {
    const [bc, oc, tc] = [b.slice(bi, bEnd), o.slice(oi, oEnd), t.slice(ti, tEnd)];
    if (same(oc, bc)) out.push(...tc);
    else if (same(tc, bc) || same(oc, tc)) out.push(...oc);
    else {
      conflicts++;
      out.push(`<<<<<<< ${labels.ours}`, ...oc, "=======", ...tc, `>>>>>>> ${labels.theirs}`);
    }
  };
  for (let i = 0; i < b.length; i++) {
    const [oj, tj] = [mo[i], mt[i]];
    if (oj === undefined || tj === undefined || oj < oi || tj < ti) continue;
    settle(i, oj, tj);
    out.push(b[i]);
    [bi, oi, ti] = [i + 1, oj + 1, tj + 1];
  }
  settle(b.length, o.length, t.length);
  return { text: out.map((line) => `${line}\n`).join(""), conflicts };
}

/** Merges two trees file by file against their base; a path is in `conflicts` when a person must decide. */
export function mergeTrees(base: Tree, ours: Tree, theirs: Tree, labels: Labels): { tree: Tree; conflicts: string[] } {
  const tree: Tree = {};
  const conflicts: string[] = [];
  const paths = [...new Set([...Object.keys(base), ...Object.keys(ours), ...Object.keys(theirs)])].sort();
  for (const path of paths) {
    const [b, o, t] = [base[path], ours[path], theirs[path]];
    let result: string | undefined;
    if (o === t) result = o;
    else if (o === b) result = t;
    else if (t === b) result = o;
    else if (o === undefined || t === undefined) {
      // Deleted on one side, changed on the other: keep the changed file for the person to judge.
      result = o ?? t;
      conflicts.push(path);
    } else {
      const merged = mergeText(b ?? "", o, t, labels);
      result = merged.text;
      if (merged.conflicts > 0) conflicts.push(path);
    }
    if (result !== undefined) tree[path] = result;
  }
  return { tree, conflicts };
}

/** `git merge <from>` while on `into`. */
export function mergeBranch(repo: Repo, into: string, from: string): MergeResult {
  const ours = repo.tip(into);
  const theirs = repo.tip(from);
  if (repo.isAncestor(theirs, ours)) return { kind: "up-to-date" };
  if (repo.isAncestor(ours, theirs)) {
    repo.branches.set(into, theirs);
    return { kind: "fast-forward", to: theirs };
  }
  const baseId = repo.mergeBase(ours, theirs);
  const base = baseId === undefined ? {} : repo.get(baseId).tree;
  const { tree, conflicts } = mergeTrees(base, repo.get(ours).tree, repo.get(theirs).tree, { ours: into, theirs: from });
  if (conflicts.length > 0) return { kind: "conflicts", paths: conflicts, tree };
  // git leaves " into <branch>" out when merging into main or master.
  const message = into === "main" || into === "master" ? `Merge branch '${from}'` : `Merge branch '${from}' into ${into}`;
  return { kind: "merged", commit: repo.commit(into, tree, message, [theirs, ours]).id };
}
