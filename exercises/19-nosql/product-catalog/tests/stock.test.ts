import { beforeEach, describe, expect, it } from "vitest";
import { createMongo, type MongoDb } from "@roadlab/mongo";
import { setup } from "../catalog";
import { reserveStock } from "../stock";
import { seed } from "./helpers";

let db: MongoDb;
beforeEach(async () => {
  db = await createMongo();
  await setup(db);
  await seed(db);
});

const stockOf = async (id: string) => ((await db.collection("products").findOne({ _id: id }))!.variants as { sku: string; stock: number }[]).map((v) => [v.sku, v.stock]);

describe("reserveStock", () => {
  it("takes units from the variant with that SKU only, all or nothing: never below zero, never from a sibling", async () => {
    expect(await reserveStock(db, "dl-black", 2)).toBe(true);
    expect(await stockOf("desk-lamp")).toEqual([["dl-white", 0], ["dl-black", 3]]);
    expect(await reserveStock(db, "dl-white", 1)).toBe(false);
    expect(await reserveStock(db, "arc-black", 4)).toBe(false);
    expect(await stockOf("desk-lamp")).toEqual([["dl-white", 0], ["dl-black", 3]]);
    expect(await reserveStock(db, "arc-black", 3)).toBe(true);
    expect(await stockOf("arc-lamp")).toEqual([["arc-black", 0]]);
  });

  it("sells the last units once when buyers arrive together", async () => {
    const results = await Promise.all(Array.from({ length: 5 }, () => reserveStock(db, "fl-grey", 1)));
    expect(results.filter(Boolean)).toHaveLength(2);
    expect(await stockOf("floor-lamp")).toEqual([["fl-grey", 0]]);
  });

  it("rejects an unknown SKU with NOT_FOUND and a quantity that is not a positive integer with INVALID", async () => {
    await expect(reserveStock(db, "no-such-sku", 1)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(reserveStock(db, "dl-black", 0)).rejects.toMatchObject({ code: "INVALID" });
    await expect(reserveStock(db, "dl-black", 1.5)).rejects.toMatchObject({ code: "INVALID" });
    expect(await stockOf("desk-lamp")).toEqual([["dl-white", 0], ["dl-black", 5]]);
  });
});
