import { createDb } from "@roadlab/db";
import { beforeEach, describe, expect, it } from "vitest";
import { Cluster, type Change } from "../cluster";
import { applyCommit } from "../replay";
import { Router, type RouterOptions } from "../router";

let cluster: Cluster;
beforeEach(async () => {
  cluster = new Cluster(await createDb());
});

const router = (options: Partial<RouterOptions> = {}) => new Router(cluster, { maxLag: 2, mode: "consistent", ...options });
const note = (author: string, body: string) => ["INSERT INTO notes (author, body) VALUES ($1, $2)", [author, body]] as const;
const bodies = (rows: { body: string }[]) => rows.map((r) => r.body);
const LIST = "SELECT body FROM notes ORDER BY id";

describe("writes", () => {
  it("go to the primary and return increasing commit LSNs; replicas see nothing until the stream delivers", async () => {
    const s = router().session();
    expect(await s.write(...note("ada", "one"))).toEqual({ lsn: 1 });
    expect(await s.write(...note("ada", "two"))).toEqual({ lsn: 2 });
    expect(bodies(await cluster.primary.query(LIST))).toEqual(["one", "two"]);
    expect(await cluster.replicas[0].query(LIST)).toEqual([]);
    expect(s.token).toBe(2);
    await s.write("UPDATE notes SET body = 'ONE' WHERE body = 'one'");
    await s.write("DELETE FROM notes WHERE body = 'two'");
    await s.write(...note("bob", "three"));
    await cluster.catchUp("replica-1");
    const ALL = "SELECT id, author, body FROM notes ORDER BY id";
    expect(await cluster.replicas[0].query(ALL)).toEqual(await cluster.primary.query(ALL));
    expect(await cluster.replicas[0].lsn()).toBe(5);
  });

  it("rejects with PRIMARY_UNAVAILABLE when the primary is down, in either mode", async () => {
    cluster.down("primary");
    for (const mode of ["consistent", "available"] as const) {
      await expect(router({ mode }).session().write(...note("ada", "x"))).rejects.toMatchObject({ code: "PRIMARY_UNAVAILABLE" });
    }
    cluster.up("primary");
    expect(await cluster.primary.query(LIST)).toEqual([]);
  });
});

describe("reads", () => {
  it("go to a replica when it is caught up, not to the primary", async () => {
    await router().session().write(...note("ada", "one"));
    await cluster.catchUp("replica-1");
    await cluster.catchUp("replica-2");
    const read = await router().session().read<{ body: string }>(LIST);
    expect(read).toMatchObject({ node: "replica-1", stale: false });
    expect(bodies(read.rows)).toEqual(["one"]);
  });

  it("read your own writes: a session's read skips replicas that lack its write", async () => {
    const s = router().session();
    await s.write(...note("ada", "mine"));
    const read = await s.read<{ body: string }>(LIST);
    expect(read.node).toBe("primary");
    expect(bodies(read.rows)).toEqual(["mine"]);
    await cluster.catchUp("replica-2");
    expect((await s.read(LIST)).node).toBe("replica-2");
  });

  it("the guarantee is per session: another session may read a replica one commit behind", async () => {
    await router().session().write(...note("ada", "one"));
    await cluster.catchUp("replica-1");
    await cluster.catchUp("replica-2");
    await router().session().write(...note("ada", "two"));
    const other = await router().session().read<{ body: string }>(LIST);
    expect(other.node).toBe("replica-1");
    expect(bodies(other.rows)).toEqual(["one"]);
  });

  it("a token from an earlier session keeps read-your-writes in a new one", async () => {
    const first = router().session();
    await first.write(...note("ada", "one"));
    await cluster.catchUp("replica-1");
    await first.write(...note("ada", "two"));
    const resumed = router().session(first.token);
    expect((await resumed.read(LIST)).node).toBe("primary");
    expect((await router().session().read(LIST)).node).toBe("replica-1");
  });

  it("bounded staleness: a replica exactly maxLag commits behind serves, one more behind does not", async () => {
    const writer = router().session();
    for (const body of ["a", "b", "c"]) await writer.write(...note("ada", body));
    await cluster.catchUp("replica-1", 1);
    // replica-1 is 2 behind = maxLag 2: allowed.
    expect((await router({ maxLag: 2 }).session().read(LIST)).node).toBe("replica-1");
    // 2 behind > maxLag 1; replica-2 is 3 behind: the primary answers.
    expect((await router({ maxLag: 1 }).session().read(LIST)).node).toBe("primary");
    expect((await router({ maxLag: 0 }).session().read(LIST)).node).toBe("primary");
  });

  it("prefers the least-lagged replica, and the first listed when they tie", async () => {
    const writer = router().session();
    for (const body of ["a", "b"]) await writer.write(...note("ada", body));
    await cluster.catchUp("replica-1", 1);
    await cluster.catchUp("replica-2", 2);
    expect((await router().session().read(LIST)).node).toBe("replica-2");
    await cluster.catchUp("replica-1");
    expect((await router().session().read(LIST)).node).toBe("replica-1");
  });

  it("monotonic reads: after reading a newer replica, a session never reads an older one", async () => {
    const writer = router().session();
    for (const body of ["a", "b"]) await writer.write(...note("ada", body));
    await cluster.catchUp("replica-1", 1);
    await cluster.catchUp("replica-2", 2);
    const reader = router().session();
    expect((await reader.read(LIST)).node).toBe("replica-2");
    expect(reader.token).toBe(2);
    cluster.down("replica-2");
    // replica-1 is within maxLag, but it would show this session the past.
    const again = await reader.read<{ body: string }>(LIST);
    expect(again.node).toBe("primary");
    expect(bodies(again.rows)).toEqual(["a", "b"]);
  });

  it("skips a replica that is down, and falls back to the primary when both are", async () => {
    await router().session().write(...note("ada", "one"));
    await cluster.catchUp("replica-1");
    await cluster.catchUp("replica-2");
    cluster.down("replica-1");
    expect((await router().session().read(LIST)).node).toBe("replica-2");
    cluster.down("replica-2");
    expect((await router().session().read(LIST)).node).toBe("primary");
  });
});

describe("replaying the stream on a replica (replay.ts)", () => {
  const upsert = (id: number, author: string | null, body: string): Change => ({ op: "UPSERT", id, author, body });
  const state = async () => ({ lsn: await cluster.replicas[0].lsn(), rows: await cluster.replicas[0].query("SELECT id, body FROM notes ORDER BY id") });

  it("applies a commit's changes and its LSN together, all or nothing", async () => {
    const store = cluster.store("replica-1");
    await applyCommit(store, { lsn: 1, changes: [upsert(1, "ada", "a"), upsert(2, "ada", "b")] });
    expect(await state()).toEqual({ lsn: 1, rows: [{ id: 1, body: "a" }, { id: 2, body: "b" }] });
    // The second change breaks NOT NULL on the replica: the first must not stay behind.
    await expect(applyCommit(store, { lsn: 2, changes: [upsert(3, "ada", "c"), upsert(4, null, "d")] })).rejects.toThrow();
    expect(await state()).toEqual({ lsn: 1, rows: [{ id: 1, body: "a" }, { id: 2, body: "b" }] });
    await applyCommit(store, { lsn: 2, changes: [{ op: "DELETE", id: 1, author: null, body: null }, upsert(2, "ada", "B")] });
    expect(await state()).toEqual({ lsn: 2, rows: [{ id: 2, body: "B" }] });
  });

  it("skips a commit delivered again, and refuses a gap with GAP", async () => {
    const store = cluster.store("replica-1");
    await applyCommit(store, { lsn: 1, changes: [upsert(1, "ada", "a")] });
    await applyCommit(store, { lsn: 2, changes: [upsert(1, "ada", "a2")] });
    await applyCommit(store, { lsn: 1, changes: [upsert(1, "ada", "a")] });
    expect(await state()).toEqual({ lsn: 2, rows: [{ id: 1, body: "a2" }] });
    await expect(applyCommit(store, { lsn: 4, changes: [upsert(5, "ada", "e")] })).rejects.toMatchObject({ code: "GAP" });
    expect(await state()).toEqual({ lsn: 2, rows: [{ id: 1, body: "a2" }] });
  });
});

describe("partitioned from the primary (CAP)", () => {
  async function partitioned() {
    const writer = router().session();
    for (const body of ["a", "b"]) await writer.write(...note("ada", body));
    await cluster.catchUp("replica-1", 1);
    await cluster.catchUp("replica-2", 2);
    cluster.down("primary");
    return writer;
  }

  it("consistent mode refuses reads with UNAVAILABLE, even with replicas up", async () => {
    await partitioned();
    await expect(router({ mode: "consistent" }).session().read(LIST)).rejects.toMatchObject({ code: "UNAVAILABLE" });
  });

  it("available mode answers from the most caught-up reachable replica, flagged stale", async () => {
    await partitioned();
    const read = await router({ mode: "available", maxLag: 0 }).session().read<{ body: string }>(LIST);
    expect(read).toMatchObject({ node: "replica-2", stale: true });
    expect(bodies(read.rows)).toEqual(["a", "b"]);
  });

  it("available mode still keeps a session's guarantees, and is UNAVAILABLE without a replica that has them", async () => {
    const writer = await partitioned();
    cluster.down("replica-2");
    // replica-1 lacks the writer's second commit: serving it would break read-your-writes.
    await expect(router({ mode: "available" }).session(writer.token).read(LIST)).rejects.toMatchObject({ code: "UNAVAILABLE" });
    expect(await router({ mode: "available" }).session().read(LIST)).toMatchObject({ node: "replica-1", stale: true });
    cluster.down("replica-1");
    await expect(router({ mode: "available" }).session().read(LIST)).rejects.toMatchObject({ code: "UNAVAILABLE" });
  });
});

describe("options", () => {
  it("rejects a negative or fractional maxLag and an unknown mode with BAD_OPTIONS", () => {
    for (const options of [{ maxLag: -1, mode: "consistent" }, { maxLag: 1.5, mode: "consistent" }, { maxLag: 1, mode: "eventual" }]) {
      expect(() => new Router(cluster, options as RouterOptions)).toThrow(expect.objectContaining({ code: "BAD_OPTIONS" }));
    }
    expect(() => new Router(cluster, { maxLag: 0, mode: "available" })).not.toThrow();
  });
});
