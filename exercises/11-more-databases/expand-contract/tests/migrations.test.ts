import { beforeEach, describe, expect, it } from "vitest";
import { createDb, type Db } from "@roadlab/db";
import * as v1 from "../app-v1";
import * as v2 from "../app-v2";
import { backfill, contract, expand } from "../migrations";

let db: Db;
beforeEach(async () => {
  db = await createDb();
});

async function columns(): Promise<Record<string, string>> {
  const { rows } = await db.query<{ column_name: string; is_nullable: string }>(
    "SELECT column_name, is_nullable FROM information_schema.columns WHERE table_name = 'users' ORDER BY column_name",
  );
  return Object.fromEntries(rows.map((r) => [r.column_name, r.is_nullable]));
}

async function userTriggers(): Promise<string[]> {
  const { rows } = await db.query<{ tgname: string }>(
    "SELECT tgname FROM pg_trigger WHERE tgrelid = 'users'::regclass AND NOT tgisinternal AND tgname NOT LIKE 'roadlab\\_%' ORDER BY tgname",
  );
  return rows.map((r) => r.tgname);
}

/** A Db that records how many rows each UPDATE changed. */
function recording(inner: Db) {
  const updates: number[] = [];
  const spy: Db = {
    query: async (sql, params) => {
      const result = await inner.query(sql, params);
      if (/^\s*update\b/i.test(sql)) updates.push(result.affectedRows ?? 0);
      return result;
    },
    exec: async (sql) => {
      const results = await inner.exec(sql);
      if (/^\s*update\b/i.test(sql)) updates.push(...results.map((r) => r.affectedRows ?? 0));
      return results;
    },
    transaction: (fn) => inner.transaction(fn),
  };
  return { spy, updates };
}

describe("step 1: expand", () => {
  it("keeps the running v1 working: create, rename and read by fullname", async () => {
    await expand(db);
    const ann = await v1.createUser(db, "new@example.com", "New Person");
    expect(ann.fullname).toBe("New Person");
    await v1.renameUser(db, 1, "Ann Lee-Smith");
    expect(await v1.getUser(db, 1)).toEqual({ id: 1, email: "ann.lee@example.com", fullname: "Ann Lee-Smith" });
  });

  it("lets v2 start: its writes are visible to v1 and v1's writes to v2", async () => {
    await expand(db);
    const created = await v2.createUser(db, "zoe@example.com", "Zoe Park");
    expect(created.displayName).toBe("Zoe Park");
    expect((await v1.getUser(db, created.id))?.fullname).toBe("Zoe Park");

    const old = await v1.createUser(db, "yan@example.com", "Yan Wu");
    expect((await v2.getUser(db, old.id))?.displayName).toBe("Yan Wu");
  });

  it("keeps both columns in step on renames, whichever version renames", async () => {
    await expand(db);
    await v1.renameUser(db, 2, "Bob Okafor Sr");
    expect((await v2.getUser(db, 2))?.displayName).toBe("Bob Okafor Sr");
    await v2.renameUser(db, 2, "Robert Okafor");
    expect((await v1.getUser(db, 2))?.fullname).toBe("Robert Okafor");
    const created = await v2.createUser(db, "kim@example.com", "Kim");
    await v1.renameUser(db, created.id, "Kim Ahn");
    expect((await v2.getUser(db, created.id))?.displayName).toBe("Kim Ahn");
  });

  it("adds display_name as a nullable column and keeps fullname, and can run twice", async () => {
    await expand(db);
    await expand(db);
    expect(await columns()).toEqual({ display_name: "YES", email: "NO", fullname: "NO", id: "NO" });
    expect(await v1.getUser(db, 3)).toEqual({ id: 3, email: "cleo.lee@example.com", fullname: "Cleo Lee" });
  });
});

describe("step 2: backfill", () => {
  it("fills display_name for every row written before the expand, and returns how many", async () => {
    await expand(db);
    await v2.createUser(db, "zoe@example.com", "Zoe Park"); // written after expand: already filled
    expect(await backfill(db)).toBe(30);
    const { rows } = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM users WHERE display_name IS NULL");
    expect(rows[0].n).toBe(0);
    expect((await v2.getUser(db, 17))?.displayName).toBe((await v1.getUser(db, 17))?.fullname);
    expect(await backfill(db)).toBe(0);
  });

  it("changes at most batchSize rows per UPDATE", async () => {
    await expand(db);
    const { spy, updates } = recording(db);
    expect(await backfill(spy, 7)).toBe(30);
    expect(updates.filter((n) => n > 0)).toEqual([7, 7, 7, 7, 2]);
  });

  it("rejects a batch size that is not a positive integer", async () => {
    await expand(db);
    for (const bad of [0, -1, 2.5]) await expect(backfill(db, bad)).rejects.toBeInstanceOf(RangeError);
  });

  it("leaves both versions working", async () => {
    await expand(db);
    await backfill(db, 10);
    await v1.renameUser(db, 4, "Dev Lee Jr");
    expect((await v2.getUser(db, 4))?.displayName).toBe("Dev Lee Jr");
    const created = await v2.createUser(db, "q@example.com", "Q");
    expect((await v1.getUser(db, created.id))?.fullname).toBe("Q");
  });
});

describe("step 3: contract", () => {
  async function all() {
    await expand(db);
    await backfill(db, 8);
    await contract(db);
  }

  it("leaves display_name NOT NULL, drops fullname and the sync trigger, and can run twice", async () => {
    await all();
    await contract(db);
    expect(await columns()).toEqual({ display_name: "NO", email: "NO", id: "NO" });
    expect(await userTriggers()).toEqual([]);
    const { rows } = await db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM pg_proc WHERE proname NOT LIKE 'roadlab\\_%' AND pronamespace = 'public'::regnamespace",
    );
    expect(rows[0].n, "the trigger's function should be dropped too").toBe(0);
  });

  it("keeps v2 working (create, rename, read) and every old row's name", async () => {
    await all();
    const created = await v2.createUser(db, "new@example.com", "New One");
    await v2.renameUser(db, created.id, "Newer One");
    expect(await v2.getUser(db, created.id)).toEqual({ id: created.id, email: "new@example.com", displayName: "Newer One" });
    expect(await v2.getUser(db, 30)).toEqual({ id: 30, email: "jon.marsh@example.com", displayName: "Jon Marsh" });
    await expect(db.query("INSERT INTO users (email) VALUES ('x@example.com')")).rejects.toMatchObject({ code: "23502" });
  });

  it("is the step after which v1 no longer works (fullname is gone)", async () => {
    await all();
    await expect(v1.getUser(db, 1)).rejects.toMatchObject({ code: "42703" });
  });

  it("fails as a whole when rows were never backfilled, and changes nothing", async () => {
    await expand(db);
    await expect(contract(db)).rejects.toMatchObject({ code: "23502" });
    expect(await columns()).toEqual({ display_name: "YES", email: "NO", fullname: "NO", id: "NO" });
    expect(await userTriggers()).toHaveLength(1);
    await v1.renameUser(db, 5, "Eve Lee-Ray");
    expect((await v2.getUser(db, 5))?.displayName).toBe("Eve Lee-Ray");
  });
});
