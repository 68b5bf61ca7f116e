import { ReleaseError } from "./errors";

/**
 * The next release version after `last` ("1.4.2", or null before the first release), from the
 * Conventional Commits messages since then. Null when none of them calls for a release.
 */
export function nextVersion(last: string | null, commits: string[]): string | null {
  // TODO: parse `last` (ReleaseError INVALID_VERSION), find the biggest bump among the commits, apply it.
  void ReleaseError;
  throw new Error("not implemented");
}
