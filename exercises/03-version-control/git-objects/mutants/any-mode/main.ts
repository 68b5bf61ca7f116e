/** Thrown for input that git would never write as an object (bad id, mode, name, signature…). */
export class GitObjectError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "GitObjectError";
  }
}

/** The object types this exercise covers. */
export type ObjectType = "blob" | "tree" | "commit";

/**
 * Tree entry modes, spelled as `git ls-tree` shows them:
 * "100644" file, "100755" executable, "120000" symlink, "040000" directory, "160000" submodule.
 * Careful: inside a tree object, git writes the directory mode as "40000".
 */
export type FileMode = "100644" | "100755" | "120000" | "040000" | "160000";

/** One name in a directory. */
export interface TreeEntry {
  mode: FileMode;
  /** A single path component, e.g. "README.md" (never "a/b"). */
  name: string;
  /** The id of the blob, tree or commit it points to: 40 lowercase hex characters. */
  id: string;
}

/** Who did something, and when: "Ada Lovelace <ada@example.com> 1700000000 +0000". */
export interface Signature {
  name: string;
  email: string;
  /** Seconds since the Unix epoch. */
  time: number;
  /** The person's UTC offset at that moment, "+HHMM" or "-HHMM", e.g. "-0500". */
  timezone: string;
}

export interface CommitInput {
  /** Id of the root tree of the snapshot. */
  tree: string;
  /** Parent commit ids, in order: none for a root commit, two or more for a merge. */
  parents: string[];
  author: Signature;
  committer: Signature;
  /** Stored exactly as given after the blank line: the object format adds no newline (git commit does, before it gets here). */
  message: string;
}

const OBJECT_TYPES: readonly string[] = ["blob", "tree", "commit"];

/** How each mode is written inside a tree object. Only directories lose a character. */
const MODE_IN_TREE: Record<FileMode, string> = {
  "100644": "100644",
  "100755": "100755",
  "120000": "120000",
  "040000": "40000",
  "160000": "160000",
};

const ID_PATTERN = /^[0-9a-f]{40}$/;
const TIMEZONE_PATTERN = /^[+-][0-9]{4}$/;

const utf8 = new TextEncoder();

/**
 * The bytes git hashes for an object: "<type> <body length in bytes>\0" followed by the body.
 * e.g. encodeObject("blob", bytes of "hello\n") → bytes of "blob 6\0hello\n".
 */
export function encodeObject(type: ObjectType, body: Uint8Array): Uint8Array<ArrayBuffer> {
  if (!OBJECT_TYPES.includes(type)) throw new GitObjectError(`unknown object type ${JSON.stringify(type)}`);
  // The length is of the body in bytes; for text that is not the string's .length.
  return concat([utf8.encode(`${type} ${body.length}\0`), body]);
}

/** The object id: SHA-1 of encodeObject(type, body), as 40 lowercase hex characters. */
export async function hashObject(type: ObjectType, body: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-1", encodeObject(type, body));
  return toHex(new Uint8Array(digest));
}

/** The id git gives a file with this content (`git hash-object`). Strings are encoded as UTF-8. */
export async function blobId(content: string | Uint8Array): Promise<string> {
  return hashObject("blob", typeof content === "string" ? utf8.encode(content) : content);
}

/**
 * The body of a tree object: every entry as "<mode> <name>\0" followed by the 20 raw bytes of
 * its id, in git's order (UTF-8 bytes of the name; a directory compares as if its name ended
 * in "/"). Does not reorder the caller's array. Throws GitObjectError for invalid entries.
 */
export function serializeTree(entries: readonly TreeEntry[]): Uint8Array<ArrayBuffer> {
  const seen = new Set<string>();
  for (const entry of entries) {
    validateEntry(entry);
    // A file and a directory with the same name would be two different paths "foo" in one
    // directory: git fsck calls that a duplicate entry, whatever the modes.
    if (seen.has(entry.name)) throw new GitObjectError(`duplicate tree entry ${JSON.stringify(entry.name)}`);
    seen.add(entry.name);
  }

  const sorted = entries
    .map((entry) => ({ entry, name: utf8.encode(entry.name), key: sortKey(entry) }))
    .sort((a, b) => compareBytes(a.key, b.key));

  const parts: Uint8Array[] = [];
  for (const { entry, name } of sorted) {
    parts.push(utf8.encode(`${MODE_IN_TREE[entry.mode] ?? entry.mode} `), name, Uint8Array.of(0), fromHex(entry.id));
  }
  return concat(parts);
}

/** The id of the tree with these entries (`git mktree`). */
export async function treeId(entries: readonly TreeEntry[]): Promise<string> {
  return hashObject("tree", serializeTree(entries));
}

/**
 * The text of a commit object:
 *
 *   tree <id>\n
 *   parent <id>\n            (one line per parent, in order; none for a root commit)
 *   author <name> <<email>> <time> <timezone>\n
 *   committer <name> <<email>> <time> <timezone>\n
 *   \n
 *   <message, exactly as given>
 *
 * Throws GitObjectError for a bad id, a repeated parent or an invalid signature.
 */
export function serializeCommit(commit: CommitInput): string {
  checkId(commit.tree, "tree");
  commit.parents.forEach((parent) => checkId(parent, "parent"));
  if (new Set(commit.parents).size !== commit.parents.length) {
    throw new GitObjectError("the same parent is listed twice");
  }

  const lines = [
    `tree ${commit.tree}`,
    ...commit.parents.map((parent) => `parent ${parent}`),
    `author ${formatSignature(commit.author, "author")}`,
    `committer ${formatSignature(commit.committer, "committer")}`,
  ];
  // The headers end with an empty line; the message follows untouched.
  return lines.join("\n") + "\n\n" + commit.message;
}

/** The id of that commit (`git commit-tree`). The text is hashed as UTF-8. */
export async function commitId(commit: CommitInput): Promise<string> {
  return hashObject("commit", utf8.encode(serializeCommit(commit)));
}

// --- helpers -----------------------------------------------------------------------------

function validateEntry(entry: TreeEntry): void {
  if (!/^[0-7]{5,6}$/.test(entry.mode)) {
    throw new GitObjectError(`unknown mode ${JSON.stringify(entry.mode)} for ${JSON.stringify(entry.name)}`);
  }
  const { name } = entry;
  if (name === "" || name === "." || name === ".." || name.includes("/") || name.includes("\0")) {
    throw new GitObjectError(`invalid tree entry name ${JSON.stringify(name)}`);
  }
  checkId(entry.id, `entry ${JSON.stringify(name)}`);
}

/** Git compares names as bytes, with a directory's name extended by "/" (see the README). */
function sortKey(entry: TreeEntry): Uint8Array {
  return utf8.encode(entry.mode === "040000" ? `${entry.name}/` : entry.name);
}

/** Unsigned byte-wise comparison, like C's memcmp followed by "shorter sorts first". */
function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    if (a[i] !== b[i]) return a[i] - b[i];
  }
  return a.length - b.length;
}

function formatSignature(signature: Signature, role: string): string {
  const { name, email, time, timezone } = signature;
  // These characters would make the line impossible to parse back: the email is delimited by
  // < >, and a newline would end the header.
  const forbidden = /[<>\n]/;
  if (name === "" || forbidden.test(name)) throw new GitObjectError(`invalid ${role} name ${JSON.stringify(name)}`);
  if (forbidden.test(email)) throw new GitObjectError(`invalid ${role} email ${JSON.stringify(email)}`);
  if (!Number.isSafeInteger(time) || time < 0) throw new GitObjectError(`invalid ${role} time ${time}`);
  if (!TIMEZONE_PATTERN.test(timezone)) {
    throw new GitObjectError(`invalid ${role} timezone ${JSON.stringify(timezone)}, expected +HHMM or -HHMM`);
  }
  return `${name} <${email}> ${time} ${timezone}`;
}

function checkId(id: string, what: string): void {
  if (typeof id !== "string" || !ID_PATTERN.test(id)) {
    throw new GitObjectError(`${what}: ${JSON.stringify(id)} is not 40 lowercase hex characters`);
  }
}

function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/** Assumes a validated id: 40 hex characters → 20 bytes. */
function fromHex(hex: string): Uint8Array {
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return bytes;
}

function concat(parts: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
