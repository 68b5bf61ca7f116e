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
  const { limit = Infinity, firstParent = false } = options;
  if (limit !== Infinity && !(Number.isInteger(limit) && limit >= 0)) {
    throw new RangeError(`limit must be a non-negative integer, got ${limit}`);
  }

  const queue = new CommitQueue();
  const seen = new Set<string>([head]);
  queue.push(head, commitOf(graph, head).time);

  const shown: string[] = [];
  while (shown.length < limit && queue.size > 0) {
    const id = queue.pop();
    shown.push(id);
    if (shown.length === limit) break; // don't look at parents nobody will see

    const parents = commitOf(graph, id).parents;
    for (const parent of firstParent ? parents.slice(0, 1) : parents) {
      if (seen.has(parent)) continue; // reached again through another path (after a merge)
      seen.add(parent);
      queue.push(parent, commitOf(graph, parent).time);
    }
  }
  return shown;
}

/**
 * True when `ancestor` is reachable from `descendant` by following parents. A commit counts as
 * its own ancestor, as in `git merge-base --is-ancestor`.
 */
export function isAncestor(graph: CommitGraph, ancestor: string, descendant: string): boolean {
  commitOf(graph, ancestor);
  let found = false;
  walk(graph, descendant, (id) => {
    if (id === ancestor) found = true;
    if (graph[id].time < graph[ancestor].time) return false;
    return !found; // stop as soon as we know
  });
  return found;
}

/**
 * The best common ancestors of `a` and `b` (`git merge-base --all`): commits that are ancestors
 * of both, and not an ancestor of another such commit. Usually one; after criss-cross merges,
 * several; none for unrelated histories. Sorted by id.
 */
export function mergeBase(graph: CommitGraph, a: string, b: string): string[] {
  const fromA = ancestors(graph, a);
  const common = [...ancestors(graph, b)].filter((id) => fromA.has(id));

  // Every ancestor of a common ancestor is itself common. So a common commit is "worse" than
  // another exactly when it is the parent of some common commit: one pass, no nested walks.
  const parentsOfCommon = new Set<string>();
  for (const id of common) {
    for (const parent of graph[id].parents) parentsOfCommon.add(parent);
  }
  return common.filter((id) => !parentsOfCommon.has(id)).sort();
}

// --- helpers -----------------------------------------------------------------------------

/** Looks an id up without falling for inherited keys such as "constructor" or "__proto__". */
function commitOf(graph: CommitGraph, id: string): Commit {
  if (!Object.hasOwn(graph, id)) throw new UnknownCommitError(id);
  return graph[id];
}

/**
 * Visits `start` and everything reachable from it once each, with an explicit stack: histories
 * are often tens of thousands of commits deep, far beyond the call stack's limit for recursion.
 * `visit` returns false to stop early.
 */
function walk(graph: CommitGraph, start: string, visit: (id: string) => boolean): void {
  const seen = new Set<string>([start]);
  const stack = [start];
  while (stack.length > 0) {
    const id = stack.pop()!;
    const commit = commitOf(graph, id);
    if (!visit(id)) return;
    for (const parent of commit.parents) {
      if (!seen.has(parent)) {
        seen.add(parent);
        stack.push(parent);
      }
    }
  }
}

/** `start` and all its ancestors. */
function ancestors(graph: CommitGraph, start: string): Set<string> {
  const all = new Set<string>();
  walk(graph, start, (id) => {
    all.add(id);
    return true;
  });
  return all;
}

/**
 * A binary max-heap on time. Equal times come out in the order they went in, which is how
 * git's own queue breaks ties, and what makes the log order deterministic.
 */
class CommitQueue {
  private heap: { id: string; time: number; seq: number }[] = [];
  private nextSeq = 0;

  get size(): number {
    return this.heap.length;
  }

  push(id: string, time: number): void {
    this.heap.push({ id, time, seq: this.nextSeq++ });
    let i = this.heap.length - 1;
    while (i > 0) {
      const up = (i - 1) >> 1;
      if (!this.before(i, up)) break;
      this.swap(i, up);
      i = up;
    }
  }

  pop(): string {
    const top = this.heap[0];
    const last = this.heap.pop()!;
    if (this.heap.length > 0) {
      this.heap[0] = last;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let best = i;
        if (left < this.heap.length && this.before(left, best)) best = left;
        if (right < this.heap.length && this.before(right, best)) best = right;
        if (best === i) break;
        this.swap(i, best);
        i = best;
      }
    }
    return top.id;
  }

  /** Whether heap[i] must come out before heap[j]. */
  private before(i: number, j: number): boolean {
    const a = this.heap[i];
    const b = this.heap[j];
    return a.time !== b.time ? a.time > b.time : a.seq < b.seq;
  }

  private swap(i: number, j: number): void {
    [this.heap[i], this.heap[j]] = [this.heap[j], this.heap[i]];
  }
}
