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

/** The image references to push for one pipeline run, the sha tag first. */
export function imageTags(input: TagInput): string[] {
  // TODO
  void ReleaseError;
  throw new Error("not implemented");
}
