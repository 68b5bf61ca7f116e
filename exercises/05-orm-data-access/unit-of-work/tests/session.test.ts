import { beforeEach, describe, expect, it } from "vitest";
import { createDb, type Db } from "@roadlab/db";
import { Session } from "../session";
import { Categories, Products } from "../types";
import { productRow, recording, type Statement } from "./recording";

let base: Db;
let db: Db;
let statements: Statement[];
beforeEach(async () => {
  base = await createDb();
  ({ db, statements } = recording(base));
});

describe("identity map", () => {
  it("gives one object per row and asks the database once", async () => {
    const session = new Session(db);
    const first = await session.find(Products, 3);
    const again = await session.find(Products, 3);
    expect(first).toEqual({ id: 3, sku: "MUG-WHT", name: "White mug", priceCents: 1200, stock: 5, categoryId: 2, version: 1 });
    expect(again).toBe(first);
    expect(statements).toHaveLength(1);
    expect(session.state(first!)).toBe("managed");
    expect(await session.find(Products, 99)).toBeNull();
  });

  it("findMany loads only the ids it does not hold, in one query, in the order asked", async () => {
    const session = new Session(db);
    const two = await session.find(Products, 2);
    statements.length = 0;
    const found = await session.findMany(Products, [6, 2, 99, 4]);
    expect(found.map((p) => p.id)).toEqual([6, 2, 4]);
    expect(found[1]).toBe(two);
    expect(statements).toHaveLength(1);
    expect(statements[0]!.params).toEqual([[6, 99, 4]]);
    statements.length = 0;
    expect((await session.findMany(Products, [4, 6])).map((p) => p.id)).toEqual([4, 6]);
    expect(await session.findMany(Products, [])).toEqual([]);
    expect(statements).toHaveLength(0);
  });

  it("findBy returns the object already held, keeping its unflushed change", async () => {
    const session = new Session(db);
    const pen = (await session.find(Products, 1))!;
    pen.name = "Blue gel pen";
    const stationery = await session.findBy(Products, { categoryId: 1 });
    expect(stationery.map((p) => p.id)).toEqual([1, 2, 7]);
    expect(stationery[0]).toBe(pen);
    expect(stationery[0]!.name).toBe("Blue gel pen");
    expect(session.state(pen)).toBe("dirty");
  });
});

describe("dirty checking and flush", () => {
  it("writes only the changed columns and bumps the version", async () => {
    const session = new Session(db);
    const mug = (await session.find(Products, 3))!;
    // A job that does not use versions changes the stock behind the session's back.
    await base.query("UPDATE products SET stock = 99 WHERE id = 3");
    mug.priceCents = 1350;
    expect(session.state(mug)).toBe("dirty");
    await session.flush();
    expect(await productRow(base, 3)).toEqual({ name: "White mug", price_cents: 1350, stock: 99, version: 2 });
    expect(mug.version).toBe(2);
    expect(session.state(mug)).toBe("managed");
  });

  it("sends nothing when no field really changed", async () => {
    const session = new Session(db);
    const mug = (await session.find(Products, 3))!;
    await session.find(Categories, 2);
    mug.priceCents = 1200; // the value it already had
    expect(session.state(mug)).toBe("managed");
    statements.length = 0;
    await session.flush();
    expect(statements).toHaveLength(0);
    expect((await productRow(base, 3))!.version).toBe(1);
  });

  it("inserts new entities and hands back the id and version the database gave", async () => {
    const session = new Session(db);
    const cup = session.add(Products, { sku: "CUP-BLU", name: "Blue cup", priceCents: 800, stock: 3, categoryId: 2 });
    expect(session.state(cup)).toBe("new");
    expect(await session.find(Products, 9)).toBeNull();
    await session.flush();
    expect(cup).toMatchObject({ id: 9, version: 1 });
    expect(session.state(cup)).toBe("managed");
    statements.length = 0;
    expect(await session.find(Products, 9)).toBe(cup);
    expect(statements).toHaveLength(0);
  });

  it("deletes removed entities; afterwards they are detached and gone", async () => {
    const session = new Session(db);
    const trowel = (await session.find(Products, 5))!;
    session.remove(trowel);
    expect(session.state(trowel)).toBe("removed");
    expect(await session.find(Products, 5)).toBeNull();
    expect(await productRow(base, 5)).not.toBeNull();
    await session.flush();
    expect(await productRow(base, 5)).toBeNull();
    expect(session.state(trowel)).toBe("detached");
    expect(await session.find(Products, 5)).toBeNull();
  });

  it("forgets a new entity removed before flush and refuses to remove a detached one", async () => {
    const session = new Session(db);
    const draft = session.add(Categories, { name: "Toys" });
    session.remove(draft);
    expect(session.state(draft)).toBe("detached");
    const eraser = (await session.find(Products, 7))!;
    session.detach(eraser);
    eraser.stock = 0;
    expect(session.state(eraser)).toBe("detached");
    expect(() => session.remove(eraser)).toThrow(expect.objectContaining({ code: "NOT_MANAGED" }));
    await session.flush();
    expect((await base.query("SELECT 1 FROM categories WHERE name = 'Toys'")).rows).toHaveLength(0);
    expect((await productRow(base, 7))!.stock).toBe(100);
    const fresh = await session.find(Products, 7);
    expect(fresh).not.toBe(eraser);
    expect(fresh!.stock).toBe(100);
  });

  it("flushes everything in one transaction: a failing statement leaves the database and the session as they were", async () => {
    const session = new Session(db);
    const lamp = session.add(Products, { sku: "LAMP", name: "Desk lamp", priceCents: 2900, stock: 4, categoryId: 1 });
    const knife = (await session.find(Products, 4))!;
    const pen = (await session.find(Products, 1))!;
    knife.priceCents = 4200;
    pen.stock = -1; // violates CHECK (stock >= 0)
    await expect(session.flush()).rejects.toThrow();
    expect((await base.query("SELECT 1 FROM products WHERE sku = 'LAMP'")).rows).toHaveLength(0);
    expect(await productRow(base, 4)).toMatchObject({ price_cents: 4500, version: 1 });
    expect(session.state(lamp)).toBe("new");
    expect(lamp.id).toBe(0);
    expect(session.state(knife)).toBe("dirty");
    expect(knife.version).toBe(1);
    expect(statements.filter((s) => /^(INSERT|UPDATE|DELETE)/i.test(s.sql)).every((s) => s.inTransaction)).toBe(true);
    pen.stock = 0;
    await session.flush();
    expect(await productRow(base, 4)).toMatchObject({ price_cents: 4200, version: 2 });
    expect(lamp.id).toBeGreaterThan(8); // a sequence is not rolled back: the failed insert used up an id
  });
});

describe("optimistic locking", () => {
  it("refuses to overwrite a row another session changed since this one read it", async () => {
    const alice = new Session(db);
    const bob = new Session(db);
    const aliceMug = (await alice.find(Products, 3))!;
    const bobMug = (await bob.find(Products, 3))!;
    aliceMug.priceCents = 1500;
    await alice.flush();
    bobMug.name = "Mug, white";
    await expect(bob.flush()).rejects.toMatchObject({ code: "STALE" });
    expect(await productRow(base, 3)).toEqual({ name: "White mug", price_cents: 1500, stock: 5, version: 2 });
    expect(bob.state(bobMug)).toBe("dirty");
  });

  it("refuses to delete a row changed since it was read", async () => {
    const alice = new Session(db);
    const bob = new Session(db);
    const alicePen = (await alice.find(Products, 1))!;
    const bobPen = (await bob.find(Products, 1))!;
    alicePen.stock = 39;
    await alice.flush();
    bob.remove(bobPen);
    await expect(bob.flush()).rejects.toMatchObject({ code: "STALE" });
    expect(await productRow(base, 1)).toMatchObject({ stock: 39, version: 2 });
  });
});
