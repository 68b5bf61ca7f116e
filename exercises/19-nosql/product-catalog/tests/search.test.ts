import { beforeEach, describe, expect, it } from "vitest";
import { createMongo, type MongoDb } from "@roadlab/mongo";
import { setup } from "../catalog";
import { searchProducts } from "../search";
import { recording, seed } from "./helpers";

let db: MongoDb;
beforeEach(async () => {
  db = await createMongo();
  await setup(db);
  await seed(db);
});

const ids = (result: { items: { id: string }[] }) => result.items.map((i) => i.id);
const bands = (counts: number[]) =>
  [0, 2500, 5000, 10000].map((min, i) => ({ min, max: [2500, 5000, 10000, null][i], count: counts[i] }));

describe("searchProducts: the result list", () => {
  it("filters by category and by inclusive price bounds, sorts by price then id, and reads a version 1 price in dollars as cents", async () => {
    const result = await searchProducts(db, { categoryId: "lamps" });
    expect(ids(result)).toEqual(["clip-lamp", "mini-lamp", "desk-lamp", "globe-lamp", "arc-lamp", "floor-lamp"]);
    expect(result.total).toBe(6);
    expect(result.items[3]).toEqual({ id: "globe-lamp", name: "globe lamp", brand: "Nordlys", priceCents: 2999 });
    const priced = await searchProducts(db, { categoryId: "lamps", minPriceCents: 1999, maxPriceCents: 4900 });
    expect(ids(priced)).toEqual(["desk-lamp", "globe-lamp", "arc-lamp"]);
    expect(priced.total).toBe(3);
  });

  it("pages with page and pageSize (total counts every match), and sorts by price_desc and newest, ties by id", async () => {
    const second = await searchProducts(db, { categoryId: "lamps", pageSize: 4, page: 2 });
    expect(ids(second)).toEqual(["arc-lamp", "floor-lamp"]);
    expect(second.total).toBe(6);
    expect(ids(await searchProducts(db, { pageSize: 3 }))).toEqual(["clip-lamp", "mini-lamp", "desk-lamp"]);
    expect(ids(await searchProducts(db, { categoryId: "lamps", sort: "price_desc" }))).toEqual(["floor-lamp", "arc-lamp", "globe-lamp", "desk-lamp", "clip-lamp", "mini-lamp"]);
    expect(ids(await searchProducts(db, { categoryId: "lamps", sort: "newest" }))).toEqual(["mini-lamp", "floor-lamp", "clip-lamp", "desk-lamp", "arc-lamp", "globe-lamp"]);
  });

  it("inStock keeps products with at least one variant in stock", async () => {
    const result = await searchProducts(db, { categoryId: "lamps", inStock: true });
    expect(ids(result)).toEqual(["mini-lamp", "desk-lamp", "globe-lamp", "arc-lamp", "floor-lamp"]);
  });

  it("rejects a page below 1 and a pageSize outside 1 to 50 with INVALID", async () => {
    await expect(searchProducts(db, { page: 0 })).rejects.toMatchObject({ code: "INVALID" });
    await expect(searchProducts(db, { pageSize: 51 })).rejects.toMatchObject({ code: "INVALID" });
    await expect(searchProducts(db, { pageSize: 0 })).rejects.toMatchObject({ code: "INVALID" });
    expect(ids(await searchProducts(db, { pageSize: 50 }))).toHaveLength(9);
  });
});

describe("searchProducts: facets", () => {
  it("counts brands over every filter except the brand filter, most first, ties by name", async () => {
    const result = await searchProducts(db, { categoryId: "lamps", brands: ["Lumo"] });
    expect(ids(result)).toEqual(["mini-lamp", "desk-lamp", "arc-lamp"]);
    expect(result.total).toBe(3);
    expect(result.facets.brands).toEqual([
      { brand: "Lumo", count: 3 },
      { brand: "Brite", count: 2 },
      { brand: "Nordlys", count: 1 },
    ]);
    const cheap = await searchProducts(db, { maxPriceCents: 9000, brands: ["Sitwell"] });
    expect(ids(cheap)).toEqual(["task-chair"]);
    expect(cheap.facets.brands).toEqual([
      { brand: "Lumo", count: 3 },
      { brand: "Brite", count: 1 },
      { brand: "Nordlys", count: 1 },
      { brand: "Sitwell", count: 1 },
    ]);
  });

  it("counts four price bands over every filter except the price filter, empty bands included, 10000 in the top band", async () => {
    expect((await searchProducts(db, { categoryId: "lamps" })).facets.priceBands).toEqual(bands([3, 2, 0, 1]));
    const result = await searchProducts(db, { categoryId: "lamps", brands: ["Lumo"], minPriceCents: 3000 });
    expect(ids(result)).toEqual(["arc-lamp"]);
    expect(result.facets.priceBands).toEqual(bands([2, 1, 0, 0]));
    await db.collection("products").insertMany([
      { _id: "stool", schemaVersion: 2, name: "stool", brand: "Sitwell", categoryId: "chairs", priceCents: 2600, specs: {}, variants: [{ sku: "st", color: "oak", stock: 1 }], rating: { count: 0, totalStars: 0 }, createdAt: new Date() },
      { _id: "throne", schemaVersion: 2, name: "throne", brand: "Sitwell", categoryId: "chairs", priceCents: 10000, specs: {}, variants: [{ sku: "th", color: "gold", stock: 1 }], rating: { count: 0, totalStars: 0 }, createdAt: new Date() },
    ]);
    expect((await searchProducts(db, { categoryId: "chairs" })).facets.priceBands).toEqual(bands([0, 1, 1, 1]));
  });

  it("answers an empty search with zero counts, and sends one aggregate to products and nothing else", async () => {
    expect(await searchProducts(db, { categoryId: "sofas" })).toEqual({ total: 0, items: [], facets: { brands: [], priceBands: bands([0, 0, 0, 0]) } });
    const spy = recording(db);
    await searchProducts(spy.db, { categoryId: "lamps", brands: ["Lumo", "Brite"], minPriceCents: 1000, inStock: true, page: 1 });
    expect(spy.calls).toEqual(["products.aggregate"]);
  });
});
