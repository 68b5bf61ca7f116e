import { describe, expect, it } from "vitest";
import { mergeBranch, mergeTrees } from "../merge";
import { Repo } from "../repo";

const labels = { ours: "main", theirs: "feature" };

describe("merging trees", () => {
  it("decides file by file: added, deleted, unchanged, changed on one side", () => {
    const base = { "a.txt": "a\n", "gone.txt": "x\n", "same.txt": "s\n", "edit.txt": "1\n2\n" };
    const ours = { "a.txt": "a\n", "same.txt": "s\n", "edit.txt": "1\n2\n", "new-ours.txt": "o\n" };
    const theirs = { "a.txt": "a\n", "gone.txt": "x\n", "same.txt": "s\n", "edit.txt": "1\n2 edited\n", "new-theirs.txt": "t\n" };
    expect(mergeTrees(base, ours, theirs, labels)).toEqual({
      tree: { "a.txt": "a\n", "same.txt": "s\n", "edit.txt": "1\n2 edited\n", "new-ours.txt": "o\n", "new-theirs.txt": "t\n" },
      conflicts: [],
    });
  });

  it("reports a file deleted on one side and changed on the other as a conflict, keeping the changed file", () => {
    const base = { "config.yml": "port: 80\n", "old.txt": "o\n" };
    const ours = { "config.yml": "port: 8080\n" };
    const theirs = { "config.yml": "port: 80\n", "old.txt": "o, edited\n" };
    expect(mergeTrees(base, ours, theirs, labels)).toEqual({
      tree: { "config.yml": "port: 8080\n", "old.txt": "o, edited\n" },
      conflicts: ["old.txt"],
    });
    expect(mergeTrees(base, theirs, ours, labels)).toEqual({
      tree: { "config.yml": "port: 8080\n", "old.txt": "o, edited\n" },
      conflicts: ["old.txt"],
    });
  });

  it("merges a file both sides added, conflicting when they differ; lists conflicts in path order", () => {
    const result = mergeTrees({}, { "z.txt": "ours\n", "b.txt": "same\n", "a.txt": "a1\n" }, { "z.txt": "theirs\n", "b.txt": "same\n", "a.txt": "a2\n" }, labels);
    expect(result.conflicts).toEqual(["a.txt", "z.txt"]);
    expect(result.tree["b.txt"]).toBe("same\n");
    expect(result.tree["z.txt"]).toBe("<<<<<<< main\nours\n=======\ntheirs\n>>>>>>> feature\n");
  });
});

/** main: c1 → c2; feature branches at c2. */
function project(): Repo {
  const repo = new Repo();
  repo.commit("main", { "README.md": "# Shop\n", "app.ts": "export const port = 80;\n" }, "first");
  repo.commit("main", { "README.md": "# Shop\nSells coffee.\n", "app.ts": "export const port = 80;\n" }, "describe");
  repo.branch("feature", "main");
  return repo;
}

describe("git merge, on a branch", () => {
  it("is up to date when the other branch is already contained", () => {
    const repo = project();
    const tip = repo.tip("main");
    expect(mergeBranch(repo, "main", "feature")).toEqual({ kind: "up-to-date" });
    repo.commit("main", { "README.md": "# Shop\n" }, "ahead");
    expect(mergeBranch(repo, "main", "feature")).toEqual({ kind: "up-to-date" });
    expect(repo.commits.size).toBe(3);
    expect(repo.tip("main")).not.toBe(tip);
  });

  it("fast-forwards when only the other branch moved on, without a merge commit", () => {
    const repo = project();
    const ahead = repo.commit("feature", { "README.md": "# Shop\nSells coffee.\n", "app.ts": "export const port = 8080;\n" }, "port").id;
    expect(mergeBranch(repo, "main", "feature")).toEqual({ kind: "fast-forward", to: ahead });
    expect(repo.tip("main")).toBe(ahead);
    expect(repo.commits.size).toBe(3);
  });

  it("makes a merge commit with both parents and git's message when both moved on without conflict", () => {
    const repo = project();
    const theirs = repo.commit("feature", { "README.md": "# Shop\nSells coffee.\n", "app.ts": "export const port = 8080;\n" }, "port").id;
    const ours = repo.commit("main", { "README.md": "# Shop\nSells coffee and tea.\n", "app.ts": "export const port = 80;\n" }, "tea").id;
    const result = mergeBranch(repo, "main", "feature");
    expect(result.kind).toBe("merged");
    const merge = repo.get(repo.tip("main"));
    expect(result).toEqual({ kind: "merged", commit: merge.id });
    expect(merge).toMatchObject({
      parents: [ours, theirs],
      message: "Merge branch 'feature'",
      tree: { "README.md": "# Shop\nSells coffee and tea.\n", "app.ts": "export const port = 8080;\n" },
    });
    expect(repo.tip("feature")).toBe(theirs);

    repo.branch("dev", "feature");
    repo.commit("dev", { ...repo.get(theirs).tree, "dev.txt": "d\n" }, "dev");
    repo.commit("main", { ...merge.tree, "main.txt": "m\n" }, "more");
    expect(mergeBranch(repo, "dev", "main").kind).toBe("merged");
    expect(repo.get(repo.tip("dev")).message).toBe("Merge branch 'main' into dev");
  });

  it("merges against the merge base, not the first commit", () => {
    const repo = project();
    repo.commit("feature", { "README.md": "# Shop\nSells coffee beans.\n", "app.ts": "export const port = 80;\n" }, "beans");
    repo.commit("main", { "README.md": "# Shop\nSells coffee.\n", "app.ts": "export const port = 80;\n", "CHANGELOG": "v1\n" }, "log");
    expect(mergeBranch(repo, "main", "feature").kind).toBe("merged");
    expect(repo.get(repo.tip("main")).tree).toEqual({
      "README.md": "# Shop\nSells coffee beans.\n", "app.ts": "export const port = 80;\n", "CHANGELOG": "v1\n",
    });
  });

  it("stops on conflicts: no commit, the branch stays, the tree shows markers named after the branches", () => {
    const repo = project();
    repo.commit("feature", { "README.md": "# Shop\nSells tea.\n", "app.ts": "export const port = 80;\n" }, "tea");
    const ours = repo.commit("main", { "README.md": "# Shop\nSells cake.\n", "app.ts": "export const port = 80;\n" }, "cake").id;
    const result = mergeBranch(repo, "main", "feature");
    expect(result).toEqual({
      kind: "conflicts",
      paths: ["README.md"],
      tree: { "README.md": "# Shop\n<<<<<<< main\nSells cake.\n=======\nSells tea.\n>>>>>>> feature\n", "app.ts": "export const port = 80;\n" },
    });
    expect(repo.tip("main")).toBe(ours);
    expect(repo.commits.size).toBe(4);
  });
});
