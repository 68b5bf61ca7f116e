/** One commit as far as history is concerned: who came before it, and when it was made. */
export interface Commit {
  /** Parent ids in order: none for a root commit, one usually, two or more for a merge. */
  parents: string[];
  /** Committer time in Unix seconds. Clocks can be wrong: a parent may look newer than its child. */
  time: number;
  message: string;
}

/** Every commit of a repository, by id. */
export type CommitGraph = Readonly<Record<string, Commit>>;

export interface LogOptions {
  /** At most this many commits (like `git log -n`). A non-negative integer; no limit if absent. */
  limit?: number;
  /** Follow only the first parent of each commit (like `git log --first-parent`). */
  firstParent?: boolean;
}

/** Thrown when an id (an argument, or a parent reached by a walk) is not in the graph. */
export class UnknownCommitError extends Error {
  readonly id: string;
  constructor(id: string) {
    super(`unknown commit ${JSON.stringify(id)}`);
    this.name = "UnknownCommitError";
    this.id = id;
  }
}

/**
 * The commits reachable from `head`, in git's default `git log` order: repeatedly show the
 * newest commit found so far (highest time; on a tie, the one found first), then add its
 * parents that were not seen yet, in parent order. Each commit appears once.
 */
export function log(graph: CommitGraph, head: string, options: LogOptions = {}): string[] {
  // TODO 1: validate options.limit (RangeError unless a non-negative integer) and check that
  //         head is in the graph (UnknownCommitError — use Object.hasOwn, not `in`).
  // TODO 2: keep a queue of found-but-not-shown commits and a Set of every id ever added.
  //         Take out the highest time; on equal times, the one added first.
  // TODO 3: after showing a commit, add its unseen parents in order (only the first one
  //         with firstParent). Stop at `limit`.
  throw new Error("TODO: implement log");
}

/**
 * True when `ancestor` is reachable from `descendant` by following parents. A commit counts as
 * its own ancestor, as in `git merge-base --is-ancestor`.
 */
export function isAncestor(graph: CommitGraph, ancestor: string, descendant: string): boolean {
  // TODO: check both ids exist, then walk from descendant with a loop (not recursion) and a
  // visited Set, stopping early when you meet ancestor.
  throw new Error("TODO: implement isAncestor");
}

/**
 * The best common ancestors of `a` and `b` (`git merge-base --all`): commits that are ancestors
 * of both, and not an ancestor of another such commit. Usually one; after criss-cross merges,
 * several; none for unrelated histories. Sorted by id.
 */
export function mergeBase(graph: CommitGraph, a: string, b: string): string[] {
  // TODO 1: collect everything reachable from a, and from b; the common ancestors are in both.
  // TODO 2: drop every common ancestor that is an ancestor of another common ancestor —
  //         without a walk per pair, which is too slow on long histories (see the hints).
  // TODO 3: return the rest sorted by id.
  throw new Error("TODO: implement mergeBase");
}
