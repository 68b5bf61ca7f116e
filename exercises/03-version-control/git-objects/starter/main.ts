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

/**
 * The bytes git hashes for an object: "<type> <body length in bytes>\0" followed by the body.
 * e.g. encodeObject("blob", bytes of "hello\n") → bytes of "blob 6\0hello\n".
 *
 * (`Uint8Array<ArrayBuffer>` is a Uint8Array over a plain ArrayBuffer, the kind
 * crypto.subtle.digest accepts. `new Uint8Array(length)` creates one.)
 */
export function encodeObject(type: ObjectType, body: Uint8Array): Uint8Array<ArrayBuffer> {
  // TODO: check the type (GitObjectError if unknown), build the header with TextEncoder,
  // and copy header and body into one new Uint8Array.
  throw new Error("TODO: implement encodeObject");
}

/** The object id: SHA-1 of encodeObject(type, body), as 40 lowercase hex characters. */
export async function hashObject(type: ObjectType, body: Uint8Array): Promise<string> {
  // TODO: crypto.subtle.digest("SHA-1", …) gives an ArrayBuffer of 20 bytes; turn each byte
  // into two hex digits (don't forget the leading zero for bytes below 16).
  throw new Error("TODO: implement hashObject");
}

/** The id git gives a file with this content (`git hash-object`). Strings are encoded as UTF-8. */
export async function blobId(content: string | Uint8Array): Promise<string> {
  // TODO: encode strings with TextEncoder, then hash as a "blob".
  throw new Error("TODO: implement blobId");
}

/**
 * The body of a tree object: every entry as "<mode> <name>\0" followed by the 20 raw bytes of
 * its id, in git's order (UTF-8 bytes of the name; a directory compares as if its name ended
 * in "/"). Does not reorder the caller's array. Throws GitObjectError for invalid entries.
 */
export function serializeTree(entries: readonly TreeEntry[]): Uint8Array<ArrayBuffer> {
  // TODO 1: validate every entry (mode, name, id) and reject duplicate names.
  // TODO 2: sort a COPY by sort key: the name's UTF-8 bytes, plus "/" for directories.
  //         Compare byte arrays yourself; JavaScript's string < compares UTF-16 code units.
  // TODO 3: write each entry: mode ("40000" for directories!), space, name, NUL, 20 id bytes.
  throw new Error("TODO: implement serializeTree");
}

/** The id of the tree with these entries (`git mktree`). */
export async function treeId(entries: readonly TreeEntry[]): Promise<string> {
  // TODO: hash serializeTree(entries) as a "tree".
  throw new Error("TODO: implement treeId");
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
  // TODO: validate the ids and both signatures, then join the lines.
  throw new Error("TODO: implement serializeCommit");
}

/** The id of that commit (`git commit-tree`). The text is hashed as UTF-8. */
export async function commitId(commit: CommitInput): Promise<string> {
  // TODO: hash the UTF-8 bytes of serializeCommit(commit) as a "commit".
  throw new Error("TODO: implement commitId");
}
