import { describe, expect, it } from "vitest";
import { ReleaseError } from "../errors";
import { imageTags } from "../tags";
import { nextVersion } from "../version";

const SHA = "3f786850e387550fdab836ed7e6dc881de23001b";
const IMAGE = "ghcr.io/acme/shop";
const fails = (fn: () => unknown, code: string) => {
  let caught: unknown;
  try { fn(); } catch (e) { caught = e; }
  expect(caught).toBeInstanceOf(ReleaseError);
  expect(caught).toMatchObject({ code });
};

describe("nextVersion", () => {
  it("bumps the patch for fix and perf, the minor for feat", () => {
    expect(nextVersion("1.4.2", ["fix: handle empty cart"])).toBe("1.4.3");
    expect(nextVersion("1.4.2", ["perf(db): batch inserts"])).toBe("1.4.3");
    expect(nextVersion("1.4.2", ["feat(api): add refunds"])).toBe("1.5.0");
  });

  it("takes the biggest bump among the commits and resets the lower numbers", () => {
    expect(nextVersion("1.4.2", ["fix: a", "feat: b", "fix: c"])).toBe("1.5.0");
    expect(nextVersion("1.4.2", ["feat: b", "feat!: drop v1 routes", "fix: c"])).toBe("2.0.0");
  });

  it("treats ! after any type or scope as a breaking change", () => {
    expect(nextVersion("1.4.2", ["refactor(api)!: rename the order fields"])).toBe("2.0.0");
  });

  it("finds BREAKING CHANGE and BREAKING-CHANGE footers, uppercase only", () => {
    expect(nextVersion("1.4.2", ["feat: new auth\n\nBREAKING CHANGE: tokens expire after 1h"])).toBe("2.0.0");
    expect(nextVersion("1.4.2", ["fix: x\n\nBREAKING-CHANGE: y"])).toBe("2.0.0");
    expect(nextVersion("1.4.2", ["fix: x\n\nbreaking change: y"])).toBe("1.4.3");
  });

  it("reads types case-insensitively", () => {
    expect(nextVersion("1.4.2", ["FEAT: shout"])).toBe("1.5.0");
    expect(nextVersion("1.4.2", ["Fix(ui): typo"])).toBe("1.4.3");
  });

  it("returns null when no commit calls for a release, and ignores what is not a conventional header", () => {
    expect(nextVersion("1.4.2", ["chore: bump deps", "docs: readme", "Merge branch 'main'", "feat add thing", "feature: x"])).toBeNull();
    expect(nextVersion("1.4.2", [])).toBeNull();
  });

  it("starts from 0.0.0 before the first release", () => {
    expect(nextVersion(null, ["feat: first"])).toBe("0.1.0");
    expect(nextVersion(null, ["chore: setup"])).toBeNull();
  });

  it("rejects a last version that is not MAJOR.MINOR.PATCH", () => {
    for (const bad of ["v1.4.2", "1.4", "01.4.2", "1.4.2-rc.1", ""]) fails(() => nextVersion(bad, ["fix: x"]), "INVALID_VERSION");
  });
});

describe("imageTags", () => {
  it("tags a pull request with its sha and its number", () => {
    expect(imageTags({ image: IMAGE, sha: SHA, ref: "refs/pull/42/merge" })).toEqual([`${IMAGE}:sha-${SHA}`, `${IMAGE}:pr-42`]);
  });

  it("tags main with sha and main, and a release with every version level and latest", () => {
    expect(imageTags({ image: IMAGE, sha: SHA, ref: "refs/heads/main", version: null })).toEqual([`${IMAGE}:sha-${SHA}`, `${IMAGE}:main`]);
    expect(imageTags({ image: IMAGE, sha: SHA, ref: "refs/heads/main", version: "1.5.0" })).toEqual(
      [`sha-${SHA}`, "main", "1.5.0", "1.5", "1", "latest"].map((t) => `${IMAGE}:${t}`),
    );
  });

  it("never gives version tags or latest outside main", () => {
    expect(imageTags({ image: IMAGE, sha: SHA, ref: "refs/pull/7/merge", version: "2.0.0" })).toEqual([`${IMAGE}:sha-${SHA}`, `${IMAGE}:pr-7`]);
    expect(imageTags({ image: IMAGE, sha: SHA, ref: "refs/heads/next", version: "2.0.0" })).toEqual([`${IMAGE}:sha-${SHA}`, `${IMAGE}:branch-next`]);
  });

  it("turns another branch into a valid lowercase tag", () => {
    const [, tag] = imageTags({ image: IMAGE, sha: SHA, ref: "refs/heads/Feature/Login Page--v2!" });
    expect(tag).toBe(`${IMAGE}:branch-feature-login-page-v2`);
  });

  it("keeps a branch tag within Docker's 128 characters, never ending in -", () => {
    const [, tag] = imageTags({ image: IMAGE, sha: SHA, ref: `refs/heads/${"a".repeat(120)}/bcdef` });
    const name = tag.slice(IMAGE.length + 1);
    expect(name.length).toBeLessThanOrEqual(128);
    expect(name).toMatch(/^[a-z0-9_][a-z0-9_.-]*[a-z0-9_.]$/);
    expect(name.startsWith(`branch-${"a".repeat(120)}`)).toBe(true);
  });

  it("rejects a SHA that is not 40 lowercase hex digits", () => {
    for (const sha of [SHA.slice(0, 7), SHA.toUpperCase(), `${SHA}0`, "g".repeat(40)]) {
      fails(() => imageTags({ image: IMAGE, sha, ref: "refs/heads/main" }), "INVALID_SHA");
    }
  });

  it("rejects refs it does not know how to tag", () => {
    for (const ref of ["refs/tags/v1.0.0", "main", "refs/pull/42/head", "refs/heads/"]) {
      fails(() => imageTags({ image: IMAGE, sha: SHA, ref }), "UNSUPPORTED_REF");
    }
  });
});
