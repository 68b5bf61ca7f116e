import { ReleaseError } from "./errors";

type Bump = "major" | "minor" | "patch" | null;
const rank = { major: 3, minor: 2, patch: 1 } as const;

// SemVer 2.0.0 core version: no leading zeros, no "v" prefix, no pre-release here.
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;
// type, optional (scope), optional "!", then ": ". Types are case-insensitive per the spec.
const HEADER = /^([a-z]+)(\([^()\r\n]*\))?(!)?: \S/i;

function bumpOf(message: string): Bump {
  const [header = "", ...body] = message.split(/\r?\n/);
  const match = HEADER.exec(header);
  if (!match) return null;
  // BREAKING CHANGE must be uppercase; BREAKING-CHANGE is its synonym.
  if (match[3] || body.some((line) => /^BREAKING[ -]CHANGE: /.test(line))) return "major";
  const type = match[1].toLowerCase();
  if (type === "feat") return "minor";
  if (type === "fix" || type === "perf") return "patch";
  return null;
}

export function nextVersion(last: string | null, commits: string[]): string | null {
  const parsed = SEMVER.exec(last ?? "0.0.0");
  if (!parsed) throw new ReleaseError("INVALID_VERSION", `expected MAJOR.MINOR.PATCH, found "${last}"`);
  let [major, minor, patch] = parsed.slice(1).map(Number);

  let bump: Bump = null;
  for (const commit of commits) {
    const b = bumpOf(commit);
    if (b && (!bump || rank[b] > rank[bump])) bump = b;
  }
  if (bump === "major") [major, minor, patch] = [major + 1, 0, 0];
  else if (bump === "minor") [minor, patch] = [minor + 1, 0];
  else if (bump === "patch") patch += 1;
  else return null;
  return `${major}.${minor}.${patch}`;
}
