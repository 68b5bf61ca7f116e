import { describe, expect, it } from "vitest";
import { build } from "../build";

const cacheFriendly = `FROM node:22-alpine
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY src ./src
RUN npm run build
CMD ["node", "dist/server.js"]
`;
const copyAllFirst = `FROM node:22-alpine
WORKDIR /app
COPY . .
RUN npm ci
RUN npm run build
`;
const context = (): Record<string, string> => ({
  "package.json": '{"name":"api"}',
  "package-lock.json": '{"lockfileVersion":3}',
  "src/server.ts": "serve(3000);",
  "src/db.ts": "export const db = 1;",
  "README.md": "# api",
});
const hits = (steps: { cached: boolean }[]) => steps.map((s) => s.cached);

describe("the cache chain", () => {
  it("misses every step on a cold cache and hits every step when nothing changed", async () => {
    const cache = new Set<string>();
    const first = await build(cacheFriendly, context(), cache);
    expect(first.map((s) => [s.line, s.keyword])).toEqual([
      [1, "FROM"], [2, "WORKDIR"], [3, "COPY"], [4, "RUN"], [5, "COPY"], [6, "RUN"], [7, "CMD"],
    ]);
    expect(hits(first)).toEqual([false, false, false, false, false, false, false]);
    for (const s of first) expect(s.key).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(new Set(first.map((s) => s.key)).size).toBe(7);
    const second = await build(cacheFriendly, context(), cache);
    expect(hits(second)).toEqual([true, true, true, true, true, true, true]);
    expect(second.map((s) => s.key)).toEqual(first.map((s) => s.key));
  });

  it("adds the keys it computes to the cache it is given, and only to that one", async () => {
    const cache = new Set<string>();
    const steps = await build(cacheFriendly, context(), cache);
    expect([...cache].sort()).toEqual(steps.map((s) => s.key).sort());
    expect(hits(await build(cacheFriendly, context(), new Set()))).not.toContain(true);
  });

  it("rebuilds from the first changed instruction on, even where later lines are the same", async () => {
    const cache = new Set<string>();
    await build(cacheFriendly, context(), cache);
    const edited = cacheFriendly.replace("WORKDIR /app", "WORKDIR /srv");
    expect(hits(await build(edited, context(), cache))).toEqual([true, false, false, false, false, false, false]);
    const rebased = cacheFriendly.replace("node:22-alpine", "node:24-alpine");
    expect(hits(await build(rebased, context(), cache))).not.toContain(true);
  });

  it("shares the cached prefix between two Dockerfiles", async () => {
    const cache = new Set<string>();
    await build(cacheFriendly, context(), cache);
    const other = cacheFriendly.replace('CMD ["node", "dist/server.js"]', "EXPOSE 3000");
    expect(hits(await build(other, context(), cache))).toEqual([true, true, true, true, true, true, false]);
  });

  it("marks only RUN, COPY and ADD as layers, and reads ./folder/ as the folder", async () => {
    const steps = await build(`FROM alpine:3.20\nENV A=1\nADD ./notes/ /n\nUSER nobody\nEXPOSE 80\n`, { "notes/a.txt": "n" }, new Set());
    expect(steps.map((s) => [s.keyword, s.layer])).toEqual([["FROM", false], ["ENV", false], ["ADD", true], ["USER", false], ["EXPOSE", false]]);
  });
});

describe("what COPY reads", () => {
  it("rebuilds from COPY src on when a source file changes, and keeps the dependency layer", async () => {
    const cache = new Set<string>();
    await build(cacheFriendly, context(), cache);
    const edited = { ...context(), "src/db.ts": "export const db = 2;" };
    expect(hits(await build(cacheFriendly, edited, cache))).toEqual([true, true, true, true, false, false, false]);
  });

  it("reinstalls dependencies on every source edit when the whole context is copied first", async () => {
    const cache = new Set<string>();
    await build(copyAllFirst, context(), cache);
    const edited = { ...context(), "src/server.ts": "serve(8080);" };
    expect(hits(await build(copyAllFirst, edited, cache))).toEqual([true, true, false, false, false]);
  });

  it("ignores files no COPY reads, and never re-runs a RUN whose text and parent are unchanged", async () => {
    const cache = new Set<string>();
    await build(cacheFriendly, context(), cache);
    expect(hits(await build(cacheFriendly, { ...context(), "README.md": "# changed" }, cache))).not.toContain(false);
  });

  it("keys on paths and contents: the same content is a hit, a renamed file a miss", async () => {
    const cache = new Set<string>();
    await build(cacheFriendly, context(), cache);
    const rewritten = { ...context(), "src/db.ts": ["export const db", "= 1;"].join(" ") };
    expect(hits(await build(cacheFriendly, rewritten, cache))).not.toContain(false);
    const { "src/db.ts": db, ...rest } = context();
    expect(hits(await build(cacheFriendly, { ...rest, "src/database.ts": db }, cache)).slice(4)).toEqual([false, false, false]);
  });

  it("keys on every file a COPY lists, not just the first", async () => {
    const cache = new Set<string>();
    await build(cacheFriendly, context(), cache);
    const relocked = { ...context(), "package-lock.json": '{"lockfileVersion":3,"packages":{}}' };
    expect(hits(await build(cacheFriendly, relocked, cache))).toEqual([true, true, false, false, false, false, false]);
  });
});

describe(".dockerignore", () => {
  it("leaves ignored files and folders out of COPY . so changing them is a hit", async () => {
    const ctx = { ...context(), ".dockerignore": "# local only\nnode_modules/\n\n.env\n", ".env": "PGPASSWORD=a", "node_modules/x/index.js": "1" };
    const cache = new Set<string>();
    await build(copyAllFirst, ctx, cache);
    const changed = { ...ctx, ".env": "PGPASSWORD=b", "node_modules/x/index.js": "2", "node_modules/y/index.js": "3" };
    expect(hits(await build(copyAllFirst, changed, cache))).not.toContain(false);
    expect(hits(await build(copyAllFirst, { ...changed, "README.md": "# other" }, cache))).toEqual([true, true, false, false, false]);
  });
});
