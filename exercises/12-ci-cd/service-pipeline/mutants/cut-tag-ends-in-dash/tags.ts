import { ReleaseError } from "./errors";

export interface TagInput {
  /** Registry and repository, e.g. "ghcr.io/acme/shop". */
  image: string;
  /** The full commit SHA, 40 lowercase hex digits (github.sha). */
  sha: string;
  /** The git ref the run is for (github.ref): refs/heads/<branch> or refs/pull/<n>/merge. */
  ref: string;
  /** The release version from nextVersion(), if this commit makes one. */
  version?: string | null;
}

const MAX_TAG = 128; // Docker's limit for a tag

function slug(branch: string): string {
  return branch
    .toLowerCase()
    .replace(/[^a-z0-9_.-]+/g, "-")
    .replace(/-+/g, "-")
    .replace(/^-+|-+$/g, "");
}

export function imageTags({ image, sha, ref, version }: TagInput): string[] {
  if (!/^[0-9a-f]{40}$/.test(sha)) throw new ReleaseError("INVALID_SHA", `expected 40 lowercase hex digits, found "${sha}"`);
  const tags = [`sha-${sha}`];

  const pull = /^refs\/pull\/([1-9]\d*)\/merge$/.exec(ref);
  if (pull) {
    tags.push(`pr-${pull[1]}`);
  } else if (ref === "refs/heads/main") {
    tags.push("main");
    if (version) {
      const [major, minor] = version.split(".");
      tags.push(version, `${major}.${minor}`, major, "latest");
    }
  } else if (ref.startsWith("refs/heads/") && ref.length > "refs/heads/".length) {
    const name = `branch-${slug(ref.slice("refs/heads/".length))}`;
    tags.push(name.slice(0, MAX_TAG));
  } else {
    throw new ReleaseError("UNSUPPORTED_REF", `expected refs/heads/<branch> or refs/pull/<n>/merge, found "${ref}"`);
  }
  return tags.map((tag) => `${image}:${tag}`);
}
