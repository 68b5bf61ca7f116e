import { beforeEach, describe, expect, it } from "vitest";
import { createDb, type Db } from "@roadlab/db";
import { ProductService } from "../service";
import { productRow, recording, type Statement } from "./recording";

let base: Db;
let db: Db;
let statements: Statement[];
let service: ProductService;
beforeEach(async () => {
  base = await createDb();
  ({ db, statements } = recording(base));
  service = new ProductService(db);
});

const reads = () => statements.filter((s) => /^SELECT/i.test(s.sql));

describe("ProductService reads", () => {
  it("lists products with their categories in two queries, and gets one or NOT_FOUND", async () => {
    const all = await service.list();
    expect(all).toHaveLength(8);
    expect(all[3]).toEqual({ id: 4, sku: "KNF-CHF", name: "Chef's knife", priceCents: 4500, stock: 2, version: 1, category: { id: 2, name: "Kitchen" } });
    expect(all.map((p) => p.category.name)).toEqual(["Stationery", "Stationery", "Kitchen", "Kitchen", "Garden", "Garden", "Stationery", "Garden"]);
    expect(statements).toHaveLength(2);
    statements.length = 0;
    const garden = await service.list(3);
    expect(garden.map((p) => p.id)).toEqual([5, 6, 8]);
    expect(statements).toHaveLength(2);
    expect(await service.get(6)).toMatchObject({ sku: "SEED-TM", category: { id: 3, name: "Garden" } });
    await expect(service.get(42)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("ProductService writes", () => {
  it("creates a product in an existing category and refuses an unknown category", async () => {
    const made = await service.create({ sku: "BOOK-1", name: "A field guide", priceCents: 1999, stock: 6, categoryId: 4 });
    expect(made).toEqual({ id: 9, sku: "BOOK-1", name: "A field guide", priceCents: 1999, stock: 6, version: 1, category: { id: 4, name: "Books" } });
    expect(await service.get(9)).toEqual(made);
    await expect(service.create({ sku: "X", name: "X", priceCents: 1, stock: 0, categoryId: 77 })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("updates at the version the client read, and answers STALE for an older one", async () => {
    const updated = await service.update(2, 1, { priceCents: 850, categoryId: 4 });
    expect(updated).toMatchObject({ id: 2, priceCents: 850, version: 2, category: { id: 4, name: "Books" } });
    await expect(service.update(2, 1, { name: "Old news" })).rejects.toMatchObject({ code: "STALE" });
    expect(await productRow(base, 2)).toEqual({ name: "A5 notebook", price_cents: 850, stock: 12, version: 2 });
    await expect(service.update(42, 1, { name: "Nobody" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("removes at the expected version only", async () => {
    await expect(service.remove(8, 3)).rejects.toMatchObject({ code: "STALE" });
    expect(await productRow(base, 8)).not.toBeNull();
    await service.remove(8, 1);
    expect(await productRow(base, 8)).toBeNull();
    await expect(service.remove(8, 1)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("adjusts stock for many products with one read and one transaction", async () => {
    await service.adjustStock([{ id: 5, delta: 10 }, { id: 1, delta: -5 }, { id: 8, delta: 1 }]);
    expect(reads()).toHaveLength(1);
    const writes = statements.filter((s) => !/^SELECT/i.test(s.sql));
    expect(writes).toHaveLength(3);
    expect(writes.every((s) => s.inTransaction)).toBe(true);
    expect((await productRow(base, 5))!.stock).toBe(10);
    expect((await productRow(base, 1))!.stock).toBe(35);
  });

  it("adjusts nothing when one product is missing or would go below zero", async () => {
    await expect(service.adjustStock([{ id: 1, delta: 1 }, { id: 99, delta: 1 }])).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(service.adjustStock([{ id: 1, delta: 1 }, { id: 4, delta: -3 }])).rejects.toThrow();
    expect(await productRow(base, 1)).toMatchObject({ stock: 40, version: 1 });
    expect(await productRow(base, 4)).toMatchObject({ stock: 2, version: 1 });
  });
});
