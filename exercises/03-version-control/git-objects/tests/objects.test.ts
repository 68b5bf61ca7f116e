import { describe, it, expect } from "vitest";
import {
  GitObjectError,
  encodeObject,
  hashObject,
  blobId,
  serializeTree,
  treeId,
  serializeCommit,
  commitId,
  type TreeEntry,
  type CommitInput,
  type Signature,
} from "../main";

// Every id below was produced by real git 2.39 while writing this exercise, in a scratch repo:
//   blobs:   printf '<content>' | git hash-object --stdin
//   trees:   printf '<mode> <type> <id>\t<name>\n…' | git mktree [--missing]
//   commits: printf '<message>' | GIT_AUTHOR_NAME=… GIT_AUTHOR_EMAIL=… GIT_AUTHOR_DATE='<time> <tz>' \
//            GIT_COMMITTER_NAME=… GIT_COMMITTER_EMAIL=… GIT_COMMITTER_DATE='<time> <tz>' \
//            git commit-tree <tree> [-p <parent>…]
const HELLO_BLOB = "ce013625030ba8dba906f756967f9e9ca394464a"; // "hello\n"
const EMPTY_BLOB = "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391"; // ""
const LINK_BLOB = "a5162f80d4a6782b7cb2a0a197f834e683cb9eb1"; // "hello.txt", a symlink's target
const EMPTY_TREE = "4b825dc642cb6eb9a060e54bf8d69288fbee4904";
const HELLO_TREE = "aaa96ced2d9a1c8e72c56b253a0e2fe78393feb7"; // 100644 hello.txt → HELLO_BLOB
const SUBMODULE_COMMIT = "0123456789abcdef0123456789abcdef01234567";

const utf8 = new TextEncoder();
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

/** Shows bytes readably in a failed assertion: printable ASCII as-is, everything else as \xNN. */
function show(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : `\\x${b.toString(16).padStart(2, "0")}`)).join("");
}

/** The entry names of a serialized tree, in the order they were written. */
function namesIn(tree: Uint8Array): string[] {
  const names: string[] = [];
  let i = 0;
  while (i < tree.length) {
    const space = tree.indexOf(0x20, i);
    const nul = space < 0 ? -1 : tree.indexOf(0, space);
    // A malformed body ends the walk with a marker instead of looping forever.
    if (nul < 0) return [...names, `<malformed at byte ${i}>`];
    names.push(text(tree.subarray(space + 1, nul)));
    i = nul + 21;
  }
  return names;
}

const ada: Signature = { name: "Ada Lovelace", email: "ada@example.com", time: 1700000000, timezone: "+0000" };

const rootCommit: CommitInput = {
  tree: HELLO_TREE,
  parents: [],
  author: ada,
  committer: ada,
  message: "Initial commit\n",
};
const ROOT_COMMIT = "4158f7b0386cc28ecd2c4b290d62d69b971739fd";

/** The entries of d42bb55…, given in a scrambled order on purpose. */
const mixedEntries: TreeEntry[] = [
  { mode: "100644", name: "foo.txt", id: HELLO_BLOB },
  { mode: "100755", name: "run.sh", id: HELLO_BLOB },
  { mode: "040000", name: "foo", id: HELLO_TREE },
  { mode: "120000", name: "link", id: LINK_BLOB },
  { mode: "100644", name: "README.md", id: EMPTY_BLOB },
  { mode: "100644", name: "foo-bar", id: EMPTY_BLOB },
];
const MIXED_TREE = "d42bb553b5586618bb8a813692a99f4825d2350c";

describe("object header and hashing", () => {
  it("puts \"<type> <length>\\0\" in front of the body", () => {
    const encoded = encodeObject("blob", utf8.encode("hello\n"));
    expect(show(encoded)).toBe("blob 6\\x00hello\\x0a");
  });

  it("counts the body length in bytes, not in characters", () => {
    // "héllo" is 5 characters but 6 UTF-8 bytes (é is 0xc3 0xa9).
    const encoded = encodeObject("blob", utf8.encode("héllo"));
    expect(show(encoded)).toBe("blob 6\\x00h\\xc3\\xa9llo");
    expect(show(encodeObject("tree", new Uint8Array(0)))).toBe("tree 0\\x00");
  });

  it("hashes with SHA-1 into 40 lowercase hex characters, as git hash-object does", async () => {
    expect(await hashObject("blob", utf8.encode("hello\n"))).toBe(HELLO_BLOB);
  });

  it("makes the type part of the id: the same bytes as a tree have another id", async () => {
    // printf 'hello\n' | git hash-object -t tree --literally --stdin
    expect(await hashObject("tree", utf8.encode("hello\n"))).toBe("149e5b19a5281f340f976d2ba38d4f02d8a6e967");
  });

  it("rejects an unknown object type", async () => {
    expect(() => encodeObject("banana" as never, new Uint8Array(0))).toThrow(GitObjectError);
    await expect(hashObject("blob " as never, new Uint8Array(0))).rejects.toThrow(GitObjectError);
  });
});

describe("blobId", () => {
  it.each([
    { content: "hello\n", id: HELLO_BLOB },
    { content: "", id: EMPTY_BLOB },
    { content: "hello", id: "b6fc4c620b67d95f953a5c1c1230aaab5db5a1b0" },
    { content: "héllo wörld 😀\n", id: "d2b4e98c3518a32269b2142bc038f7720350d1fd" },
  ])("gives $content the id git gives it", async ({ content, id }) => {
    expect(await blobId(content)).toBe(id);
  });

  it("hashes raw bytes, NUL bytes included, the same way as text", async () => {
    // printf 'a\0b\n' | git hash-object --stdin
    expect(await blobId(Uint8Array.of(0x61, 0x00, 0x62, 0x0a))).toBe("1a23e4be731d2f539deeea324686d000ccdfbfcd");
    expect(await blobId(utf8.encode("hello\n"))).toBe(HELLO_BLOB);
  });
});

describe("trees", () => {
  it("gives the empty tree git's famous id", async () => {
    expect(serializeTree([])).toEqual(new Uint8Array(0));
    expect(await treeId([])).toBe(EMPTY_TREE);
  });

  it("writes an entry as mode, space, name, NUL and the 20 raw bytes of the id", async () => {
    const body = serializeTree([{ mode: "100644", name: "hello.txt", id: HELLO_BLOB }]);
    expect(show(body)).toBe(
      "100644 hello.txt\\x00\\xce\\x016%\\x03\\x0b\\xa8\\xdb\\xa9\\x06\\xf7V\\x96\\x7f\\x9e\\x9c\\xa3\\x94FJ",
    );
    expect(body.length).toBe(37);
    expect(await treeId([{ mode: "100644", name: "hello.txt", id: HELLO_BLOB }])).toBe(HELLO_TREE);
  });

  it("writes a directory's mode as 40000, without the leading zero", () => {
    const body = serializeTree([{ mode: "040000", name: "src", id: EMPTY_TREE }]);
    expect(show(body.subarray(0, 10))).toBe("40000 src\\x00");
  });

  it("sorts entries git's way, whatever order they come in, and matches git mktree", async () => {
    expect(namesIn(serializeTree(mixedEntries))).toEqual(["README.md", "foo-bar", "foo.txt", "foo", "link", "run.sh"]);
    expect(await treeId(mixedEntries)).toBe(MIXED_TREE);
    expect(await treeId([...mixedEntries].reverse())).toBe(MIXED_TREE);
  });

  it("sorts a directory as if its name ended in \"/\", and a file by its plain name", async () => {
    const others: TreeEntry[] = [
      { mode: "100644", name: "foo.txt", id: HELLO_BLOB },
      { mode: "100644", name: "foo-bar", id: EMPTY_BLOB },
    ];
    const asFile = [...others, { mode: "100644", name: "foo", id: EMPTY_BLOB } as TreeEntry];
    const asDirectory = [...others, { mode: "040000", name: "foo", id: HELLO_TREE } as TreeEntry];

    expect(namesIn(serializeTree(asFile))).toEqual(["foo", "foo-bar", "foo.txt"]);
    expect(namesIn(serializeTree(asDirectory))).toEqual(["foo-bar", "foo.txt", "foo"]);
    expect(await treeId(asFile)).toBe("16cb1949f4eb67b43906a99f29e16923c5e5af3b");
    expect(await treeId(asDirectory)).toBe("6872c415d4a8619cfadfbd2d57b1c9a1491e22e1");
  });

  it("sorts a submodule (160000) like a file, not like a directory", async () => {
    const withSubmodule: TreeEntry[] = [
      { mode: "100644", name: "lib.c", id: HELLO_BLOB },
      { mode: "160000", name: "lib", id: SUBMODULE_COMMIT },
    ];
    const withDirectory: TreeEntry[] = [
      { mode: "100644", name: "lib.c", id: HELLO_BLOB },
      { mode: "040000", name: "lib", id: EMPTY_TREE },
    ];
    expect(namesIn(serializeTree(withSubmodule))).toEqual(["lib", "lib.c"]);
    expect(await treeId(withSubmodule)).toBe("f7246963b2716147ef035f8a203ad9b777844b44");
    expect(namesIn(serializeTree(withDirectory))).toEqual(["lib.c", "lib"]);
    expect(await treeId(withDirectory)).toBe("9194250c47a00a9e30e87ac9278e5ade47728a99");
  });

  it("sorts names by their UTF-8 bytes, not by JavaScript string order", async () => {
    // In UTF-16, "😀" (0xd83d 0xde00) sorts before "\ufffd"; in UTF-8 (0xf0… vs 0xef…) it is after.
    const entries: TreeEntry[] = ["😀", "\ufffd", "é", "a", "Z"].map((name) => ({
      mode: "100644",
      name,
      id: EMPTY_BLOB,
    }));
    expect(namesIn(serializeTree(entries))).toEqual(["Z", "a", "é", "\ufffd", "😀"]);
    expect(await treeId(entries)).toBe("b6537f6c04c8cad60911ee938a471afa5ec6c93a");
  });

  it("leaves the caller's array in its original order", () => {
    const entries: TreeEntry[] = [
      { mode: "100644", name: "b.txt", id: EMPTY_BLOB },
      { mode: "100644", name: "a.txt", id: EMPTY_BLOB },
    ];
    serializeTree(entries);
    expect(entries.map((e) => e.name)).toEqual(["b.txt", "a.txt"]);
  });

  it.each([
    { problem: "an unknown mode", entry: { mode: "100664", name: "a.txt", id: EMPTY_BLOB } },
    { problem: "the directory mode without its zero", entry: { mode: "40000", name: "src", id: EMPTY_TREE } },
    { problem: "an empty name", entry: { mode: "100644", name: "", id: EMPTY_BLOB } },
    { problem: "the name \".\"", entry: { mode: "040000", name: ".", id: EMPTY_TREE } },
    { problem: "the name \"..\"", entry: { mode: "040000", name: "..", id: EMPTY_TREE } },
    { problem: "a name with a slash", entry: { mode: "100644", name: "src/a.ts", id: EMPTY_BLOB } },
    { problem: "a name with a NUL", entry: { mode: "100644", name: "a\0b", id: EMPTY_BLOB } },
    { problem: "a short id", entry: { mode: "100644", name: "a.txt", id: "e69de29" } },
    { problem: "an uppercase id", entry: { mode: "100644", name: "a.txt", id: EMPTY_BLOB.toUpperCase() } },
    { problem: "an id with a non-hex character", entry: { mode: "100644", name: "a.txt", id: "g" + EMPTY_BLOB.slice(1) } },
  ])("rejects an entry with $problem", async ({ entry }) => {
    const entries = [{ mode: "100644", name: "ok.txt", id: HELLO_BLOB }, entry] as TreeEntry[];
    expect(() => serializeTree(entries)).toThrow(GitObjectError);
    await expect(treeId(entries)).rejects.toThrow(GitObjectError);
  });

  it("rejects two entries with the same name, even a file and a directory", () => {
    expect(() =>
      serializeTree([
        { mode: "100644", name: "a.txt", id: EMPTY_BLOB },
        { mode: "100644", name: "a.txt", id: HELLO_BLOB },
      ]),
    ).toThrow(GitObjectError);
    expect(() =>
      serializeTree([
        { mode: "100644", name: "docs", id: EMPTY_BLOB },
        { mode: "040000", name: "docs", id: EMPTY_TREE },
      ]),
    ).toThrow(GitObjectError);
  });
});

describe("commits", () => {
  it("writes a root commit with no parent line, and matches git commit-tree", async () => {
    expect(serializeCommit(rootCommit)).toBe(
      "tree aaa96ced2d9a1c8e72c56b253a0e2fe78393feb7\n" +
        "author Ada Lovelace <ada@example.com> 1700000000 +0000\n" +
        "committer Ada Lovelace <ada@example.com> 1700000000 +0000\n" +
        "\n" +
        "Initial commit\n",
    );
    expect(await commitId(rootCommit)).toBe(ROOT_COMMIT);
  });

  it("writes a parent line, and keeps author and committer apart with their own timezones", async () => {
    const commit: CommitInput = {
      tree: MIXED_TREE,
      parents: [ROOT_COMMIT],
      author: { name: "Grace Hopper", email: "grace@example.com", time: 1700003600, timezone: "-0500" },
      committer: { ...ada, time: 1700007200, timezone: "+0530" },
      message: "Add foo and friends\n\nThe foo directory holds the greeting.\n",
    };
    expect(serializeCommit(commit)).toBe(
      "tree d42bb553b5586618bb8a813692a99f4825d2350c\n" +
        "parent 4158f7b0386cc28ecd2c4b290d62d69b971739fd\n" +
        "author Grace Hopper <grace@example.com> 1700003600 -0500\n" +
        "committer Ada Lovelace <ada@example.com> 1700007200 +0530\n" +
        "\n" +
        "Add foo and friends\n\nThe foo directory holds the greeting.\n",
    );
    expect(await commitId(commit)).toBe("f0d9c1d75fd6c51e1d513282faa056e97dc5fb44");
  });

  it("writes a merge's parents in the order given: the order is part of the id", async () => {
    const second = "f0d9c1d75fd6c51e1d513282faa056e97dc5fb44";
    const at = { ...ada, time: 1700010000, timezone: "+0100" };
    const merge: CommitInput = { tree: MIXED_TREE, parents: [second, ROOT_COMMIT], author: at, committer: at, message: "Merge branch topic\n" };

    expect(serializeCommit(merge).split("\n").slice(0, 3)).toEqual([
      `tree ${MIXED_TREE}`,
      `parent ${second}`,
      `parent ${ROOT_COMMIT}`,
    ]);
    expect(await commitId(merge)).toBe("a7974a2ed3472899c39b0dcd97ac5cd02d6105f6");
    expect(await commitId({ ...merge, parents: [ROOT_COMMIT, second] })).toBe("4584e1c49b60c38ad71d3f0c59758490de2463bb");
  });

  it("hashes non-ASCII names as UTF-8 and keeps the message exactly, even without a final newline", async () => {
    const zoe = { name: "Zoë Ångström", email: "zoe@example.org", time: 1700000000, timezone: "+0000" };
    expect(await commitId({ ...rootCommit, author: zoe, message: "no trailing newline" })).toBe(
      "77fe6fa620193a81fab5f251f92fd2aad7aefe78",
    );
    expect(await commitId({ ...rootCommit, message: "" })).toBe("e9f392ad4958036ff6f51ae65e348a5d0e8b87cf");
  });

  it.each([
    { problem: "a short tree id", change: { tree: "aaa96ce" } },
    { problem: "an uppercase parent id", change: { parents: [ROOT_COMMIT.toUpperCase()] } },
    { problem: "the same parent twice", change: { parents: [ROOT_COMMIT, ROOT_COMMIT] } },
    { problem: "an empty author name", change: { author: { ...ada, name: "" } } },
    { problem: "a \"<\" in the author name", change: { author: { ...ada, name: "Ada <The Countess>" } } },
    { problem: "a \">\" in the committer email", change: { committer: { ...ada, email: "ada>@example.com" } } },
    { problem: "a newline in the author name", change: { author: { ...ada, name: "Ada\ncommitter Mallory" } } },
    { problem: "a \">\" in the committer name", change: { committer: { ...ada, name: "Ada > Babbage" } } },
    { problem: "a \"<\" in the author email", change: { author: { ...ada, email: "ada<@example.com" } } },
    {
      problem: "a newline in the committer email (a forged header line)",
      change: { committer: { ...ada, email: "ada@example.com> 1700000000 +0000\ngpgsig x\ncommitter Mallory <m@example.com" } },
    },
    { problem: "a newline in the author email", change: { author: { ...ada, email: "ada@example.com\n" } } },
    { problem: "a time that is not a number", change: { author: { ...ada, time: Number.NaN } } },
    { problem: "a fractional time", change: { author: { ...ada, time: 1700000000.5 } } },
    { problem: "a negative time", change: { committer: { ...ada, time: -1 } } },
    { problem: "a timezone without a sign", change: { author: { ...ada, timezone: "0100" } } },
    { problem: "a timezone with a colon", change: { committer: { ...ada, timezone: "+01:00" } } },
    { problem: "a timezone with five digits", change: { author: { ...ada, timezone: "+01000" } } },
    { problem: "a timezone with three digits", change: { committer: { ...ada, timezone: "-010" } } },
    { problem: "a timezone followed by more text", change: { author: { ...ada, timezone: "+0100\nx" } } },
  ])("rejects $problem", async ({ change }) => {
    const commit = { ...rootCommit, ...change } as CommitInput;
    expect(() => serializeCommit(commit)).toThrow(GitObjectError);
    await expect(commitId(commit)).rejects.toThrow(GitObjectError);
  });
});

describe("the whole chain", () => {
  it("goes from file content to git's commit id, and one changed byte changes the commit", async () => {
    async function commitFor(content: string): Promise<string> {
      const blob = await blobId(content);
      const tree = await treeId([{ mode: "100644", name: "hello.txt", id: blob }]);
      return commitId({ ...rootCommit, tree });
    }
    expect(await commitFor("hello\n")).toBe(ROOT_COMMIT);
    expect(await commitFor("Hello\n")).not.toBe(ROOT_COMMIT);
  });
});
