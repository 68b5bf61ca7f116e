import { beforeEach, describe, expect, it } from "vitest";
import { createMongo, type MongoDb } from "@roadlab/mongo";
import { addProduct, addReview, getProduct, setup } from "../catalog";
import type { NewProduct } from "../types";
import { seed } from "./helpers";

let db: MongoDb;
beforeEach(async () => {
  db = await createMongo();
  await setup(db);
  await seed(db);
});

const lamp = (over: Partial<NewProduct> = {}): NewProduct => ({
  id: "wall-lamp",
  name: "Wall lamp",
  brand: "Lumo",
  categoryId: "lamps",
  priceCents: 3450,
  specs: { wattage: 8, bulb: "E14" },
  variants: [{ sku: "wall-black", color: "black", stock: 2 }, { sku: "wall-brass", color: "brass", stock: 0 }],
  ...over,
});

describe("setup", () => {
  it("creates the indexes the queries need, fields in order", async () => {
    const keys = async (name: string) => (await db.collection(name).indexes()).map((i) => Object.entries(i.key));
    expect(await keys("products")).toEqual(expect.arrayContaining([[["categoryId", 1], ["priceCents", 1]], [["variants.sku", 1]]]));
    expect(await keys("reviews")).toEqual(expect.arrayContaining([[["productId", 1], ["createdAt", -1]]]));
  });
});

describe("addProduct", () => {
  it("stores one version 2 document with specs and variants embedded and an empty rating", async () => {
    const before = Date.now();
    const returned = await addProduct(db, lamp());
    const stored = await db.collection("products").findOne({ _id: "wall-lamp" });
    expect(stored).toEqual(returned);
    expect(stored).toMatchObject({
      _id: "wall-lamp",
      schemaVersion: 2,
      name: "Wall lamp",
      categoryId: "lamps",
      priceCents: 3450,
      specs: { wattage: 8, bulb: "E14" },
      variants: [{ sku: "wall-black", color: "black", stock: 2 }, { sku: "wall-brass", color: "brass", stock: 0 }],
      rating: { count: 0, totalStars: 0 },
    });
    expect(stored!.createdAt).toBeInstanceOf(Date);
    expect(stored!.createdAt.getTime()).toBeGreaterThanOrEqual(before);
  });

  it("rejects bad input with INVALID, an unknown category with UNKNOWN_CATEGORY, a taken id or SKU with DUPLICATE, storing nothing", async () => {
    for (const bad of [
      lamp({ priceCents: 34.5 }),
      lamp({ priceCents: 0 }),
      lamp({ name: " " }),
      lamp({ id: "Wall Lamp" }),
      lamp({ variants: [] }),
      lamp({ variants: [{ sku: "w", color: "a", stock: 1 }, { sku: "w", color: "b", stock: 1 }] }),
      lamp({ variants: [{ sku: "w", color: "a", stock: -1 }] }),
    ]) {
      await expect(addProduct(db, bad)).rejects.toMatchObject({ code: "INVALID" });
    }
    expect(await db.collection("products").countDocuments({})).toBe(9);
    await expect(addProduct(db, lamp({ categoryId: "lamp" }))).rejects.toMatchObject({ code: "UNKNOWN_CATEGORY" });
    await expect(addProduct(db, lamp({ id: "arc-lamp" }))).rejects.toMatchObject({ code: "DUPLICATE" });
    await expect(addProduct(db, lamp({ variants: [{ sku: "arc-black", color: "black", stock: 1 }] }))).rejects.toMatchObject({ code: "DUPLICATE" });
    expect(await db.collection("products").countDocuments({})).toBe(9);
  });
});

describe("getProduct", () => {
  it("upgrades a version 1 document on read, keeping a rating a review added, and leaves the stored one as it was", async () => {
    const page = await getProduct(db, "globe-lamp");
    expect(page).toMatchObject({ _id: "globe-lamp", schemaVersion: 2, priceCents: 2999, specs: {}, rating: { count: 0, totalStars: 0 }, reviews: [] });
    expect(page).not.toHaveProperty("price");
    expect(await db.collection("products").findOne({ _id: "globe-lamp" })).toMatchObject({ price: 29.99 });
    expect(await db.collection("products").findOne({ _id: "globe-lamp" })).not.toHaveProperty("schemaVersion");
    expect(await getProduct(db, "no-such-lamp")).toBeNull();
    await addReview(db, "globe-lamp", { author: "Ann", stars: 4, text: "warm light" });
    expect((await getProduct(db, "globe-lamp"))!.rating).toEqual({ count: 1, totalStars: 4 });
  });
});

describe("reviews: referenced, with a summary on the product", () => {
  it("stores reviews in their own collection, counts them on the product, and shows the three newest", async () => {
    const stars = [5, 3, 4, 2];
    for (const [i, s] of stars.entries()) {
      await addReview(db, "arc-lamp", { author: `buyer ${i}`, stars: s, text: `review ${i}` }, new Date(Date.UTC(2024, 4, 1 + i)));
    }
    await addReview(db, "desk-lamp", { author: "Bo", stars: 1, text: "flickers" }, new Date(Date.UTC(2024, 6, 1)));
    expect(await db.collection("reviews").countDocuments({ productId: "arc-lamp" })).toBe(4);
    const stored = await db.collection("products").findOne({ _id: "arc-lamp" });
    expect(stored!.rating).toEqual({ count: 4, totalStars: 14 });
    expect(stored).not.toHaveProperty("reviews");
    const page = await getProduct(db, "arc-lamp");
    expect(page!.reviews).toEqual([3, 2, 1].map((i) => ({ productId: "arc-lamp", author: `buyer ${i}`, stars: stars[i], text: `review ${i}`, createdAt: new Date(Date.UTC(2024, 4, 1 + i)) })));
  });

  it("rejects stars outside 1 to 5 with INVALID and an unknown product with NOT_FOUND, storing nothing", async () => {
    for (const stars of [0, 6, 4.5]) {
      await expect(addReview(db, "arc-lamp", { author: "Ann", stars, text: "" })).rejects.toMatchObject({ code: "INVALID" });
    }
    await expect(addReview(db, "no-such-lamp", { author: "Ann", stars: 5, text: "" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.collection("reviews").countDocuments({})).toBe(0);
    expect((await db.collection("products").findOne({ _id: "arc-lamp" }))!.rating).toEqual({ count: 0, totalStars: 0 });
  });
});
