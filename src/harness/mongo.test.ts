import { beforeEach, describe, expect, it } from "vitest";
import { createMongo, ObjectId, type Collection, type MongoDb } from "./mongo";

let db: MongoDb;
let orders: Collection;
beforeEach(async () => {
  db = await createMongo();
  orders = db.collection("orders");
});

describe("@roadlab/mongo", () => {
  it("inserts with generated ids and the driver's result shapes", async () => {
    const doc: Record<string, unknown> = { item: "pen", qty: 2 };
    const one = await orders.insertOne(doc);
    expect(one).toEqual({ acknowledged: true, insertedId: expect.any(ObjectId) });
    expect(doc._id).toBe(one.insertedId);
    const many = await orders.insertMany([{ _id: 7, item: "ink" }, { item: "pad" }]);
    expect(many.insertedCount).toBe(2);
    expect(many.insertedIds[0]).toBe(7);
    expect(await orders.findOne({ _id: one.insertedId })).toEqual({ _id: one.insertedId, item: "pen", qty: 2 });
  });

  it("finds with projection, sort, skip and limit, and returns copies", async () => {
    await orders.insertMany([1, 2, 3, 4, 5].map((n) => ({ _id: n, n, even: n % 2 === 0 })));
    const page = await orders.find({ n: { $gte: 2 } }, { projection: { _id: 0, n: 1 } }).sort({ n: -1 }).skip(1).limit(2).toArray();
    expect(page).toEqual([{ n: 4 }, { n: 3 }]);
    const found = await orders.findOne({ _id: 1 });
    found!.n = 100;
    expect((await orders.findOne({ _id: 1 }))!.n).toBe(1);
    expect(await orders.countDocuments({ even: true })).toBe(2);
  });

  it("updates with $set/$inc/$push/$pull, positional $ and $[id] with arrayFilters", async () => {
    await orders.insertOne({ _id: 1, total: 0, tags: ["new"], lines: [{ sku: "a", qty: 1 }, { sku: "b", qty: 5 }] });
    const res = await orders.updateOne({ _id: 1, "lines.sku": "b" }, { $set: { "lines.$.qty": 6 }, $inc: { total: 3 }, $push: { tags: "paid" } });
    expect(res).toEqual({ acknowledged: true, matchedCount: 1, modifiedCount: 1, upsertedCount: 0, upsertedId: null });
    await orders.updateOne({ _id: 1 }, { $inc: { "lines.$[small].qty": 10 }, $pull: { tags: "new" } }, { arrayFilters: [{ "small.qty": { $lt: 5 } }] });
    expect(await orders.findOne({ _id: 1 })).toEqual({ _id: 1, total: 3, tags: ["paid"], lines: [{ sku: "a", qty: 11 }, { sku: "b", qty: 6 }] });
    const unchanged = await orders.updateMany({ _id: 1 }, { $set: { total: 3 } });
    expect([unchanged.matchedCount, unchanged.modifiedCount]).toEqual([1, 0]);
  });

  it("upserts from the filter's equality fields", async () => {
    const res = await orders.updateOne({ sku: "z", region: "eu" }, { $inc: { count: 1 }, $setOnInsert: { created: true } }, { upsert: true });
    expect(res.upsertedCount).toBe(1);
    expect(await orders.findOne({ _id: res.upsertedId })).toEqual({ _id: res.upsertedId, sku: "z", region: "eu", count: 1, created: true });
    const again = await orders.updateOne({ sku: "z", region: "eu" }, { $inc: { count: 1 }, $setOnInsert: { created: false } }, { upsert: true });
    expect([again.matchedCount, again.upsertedId]).toEqual([1, null]);
    expect((await orders.findOne({ sku: "z" }))!.created).toBe(true);
  });

  it("deletes and reports how many", async () => {
    await orders.insertMany([{ s: "a" }, { s: "a" }, { s: "b" }]);
    expect(await orders.deleteOne({ s: "a" })).toEqual({ acknowledged: true, deletedCount: 1 });
    expect((await orders.deleteMany({})).deletedCount).toBe(2);
  });

  it("rejects a duplicate under a unique index with code 11000 and leaves data alone", async () => {
    const users = db.collection("users");
    expect(await users.createIndex({ email: 1 }, { unique: true })).toBe("email_1");
    await users.insertOne({ email: "a@x" });
    await expect(users.insertOne({ email: "a@x" })).rejects.toMatchObject({ code: 11000, keyValue: { email: "a@x" } });
    await users.insertOne({ email: "b@x" });
    await expect(users.updateOne({ email: "b@x" }, { $set: { email: "a@x" } })).rejects.toMatchObject({ code: 11000 });
    expect(await users.countDocuments({ email: "b@x" })).toBe(1);
  });

  it("keys a unique index on an array field by each element, as a multikey index", async () => {
    const products = db.collection("products");
    await products.createIndex({ "variants.sku": 1 }, { unique: true });
    await products.insertOne({ name: "tee", variants: [{ sku: "T-S" }, { sku: "T-M" }] });
    await products.insertOne({ name: "mug", variants: [{ sku: "M-1" }, { sku: "M-1" }] });
    await expect(products.insertOne({ name: "copy", variants: [{ sku: "X" }, { sku: "T-M" }] })).rejects.toMatchObject({
      code: 11000, keyValue: { "variants.sku": "T-M" },
    });
    await products.insertOne({ name: "tags", tags: ["a"] });
    await expect(products.insertOne({ name: "bare" })).rejects.toMatchObject({ code: 11000, keyValue: { "variants.sku": null } });
    expect(await products.countDocuments({})).toBe(3);
  });

  it("aggregates, with $lookup reading another collection", async () => {
    await db.collection("customers").insertMany([{ _id: 1, name: "Ada" }, { _id: 2, name: "Grace" }]);
    await orders.insertMany([{ customer: 1, amount: 5 }, { customer: 1, amount: 7 }, { customer: 2, amount: 1 }]);
    const rows = await orders
      .aggregate([
        { $group: { _id: "$customer", total: { $sum: "$amount" } } },
        { $lookup: { from: "customers", localField: "_id", foreignField: "_id", as: "who" } },
        { $project: { _id: 0, name: { $first: "$who.name" }, total: 1 } },
        { $sort: { total: -1 } },
      ])
      .toArray();
    expect(rows).toEqual([{ total: 12, name: "Ada" }, { total: 1, name: "Grace" }]);
  });

  it("refuses an update without operators, as the driver does", async () => {
    await expect(orders.updateOne({}, { total: 1 })).rejects.toThrow(/atomic operators/);
  });

  it("starts every test with an empty database", async () => {
    expect(await db.listCollections().toArray()).toEqual([{ name: "orders" }]);
    expect(await orders.countDocuments()).toBe(0);
  });
});
