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

/**
 * diff3 over lines: see README.md. Every line of the result ends with "\n".
 */
export function mergeText(base: string, ours: string, theirs: string, labels: Labels): { text: string; conflicts: number } {
  // TODO: match base↔ours and base↔theirs (a longest common subsequence), walk the base, settle
  // each stretch between lines both sides kept.
  throw new Error(`TODO: mergeText (${[base, ours, theirs].map((x) => x.length).join("/")} chars, ${labels.ours}/${labels.theirs})`);
}

/** Merges two trees file by file against their base; a path is in `conflicts` when a person must decide. */
export function mergeTrees(base: Tree, ours: Tree, theirs: Tree, labels: Labels): { tree: Tree; conflicts: string[] } {
  // TODO
  throw new Error(`TODO: mergeTrees (${Object.keys({ ...base, ...ours, ...theirs }).length} paths, ${labels.ours})`);
}

/** `git merge <from>` while on `into`. */
export function mergeBranch(repo: Repo, into: string, from: string): MergeResult {
  // TODO: up to date? fast-forward? else a three-way merge against repo.mergeBase().
  throw new Error(`TODO: mergeBranch(${into}, ${from}) in a repo of ${repo.commits.size} commits`);
}
