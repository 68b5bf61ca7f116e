/**
 * A repository in memory: commits with whole trees (path → file content) and branches pointing at
 * commits. Read-only — graders use their own copy. History questions are answered here so the
 * exercise can be about merging; the commit-graph exercise builds these yourself.
 */

export type Tree = Record<string, string>;

export interface Commit {
  id: string;
  parents: string[];
  tree: Tree;
  message: string;
}

export class Repo {
  readonly commits = new Map<string, Commit>();
  readonly branches = new Map<string, string>();
  private counter = 0;

  /** Records a commit on `branch` (creating the branch at it if new) and returns it. */
  commit(branch: string, tree: Tree, message: string, parents = this.branches.has(branch) ? [this.tip(branch)] : []): Commit {
    const commit = { id: `c${++this.counter}`, parents, tree: { ...tree }, message };
    this.commits.set(commit.id, commit);
    this.branches.set(branch, commit.id);
    return commit;
  }

  /** Starts `branch` at the commit `from` points to, as `git branch <name> <from>` does. */
  branch(branch: string, from: string): void {
    this.branches.set(branch, this.tip(from));
  }

  tip(branch: string): string {
    const id = this.branches.get(branch);
    if (id === undefined) throw new Error(`no branch ${branch}`);
    return id;
  }

  get(id: string): Commit {
    const commit = this.commits.get(id);
    if (!commit) throw new Error(`no commit ${id}`);
    return commit;
  }

  /** Every commit reachable from `id`, itself included. */
  ancestors(id: string): Set<string> {
    const seen = new Set<string>();
    const stack = [id];
    while (stack.length > 0) {
      const next = stack.pop()!;
      if (seen.has(next)) continue;
      seen.add(next);
      stack.push(...this.get(next).parents);
    }
    return seen;
  }

  isAncestor(ancestor: string, of: string): boolean {
    return this.ancestors(of).has(ancestor);
  }

  /** A best common ancestor of two commits: common, and not an ancestor of another common one. */
  mergeBase(a: string, b: string): string | undefined {
    const ofB = this.ancestors(b);
    const common = [...this.ancestors(a)].filter((id) => ofB.has(id));
    return common.find((c) => !common.some((other) => other !== c && this.isAncestor(c, other)));
  }
}
