import type { MongoDb } from "@roadlab/mongo";
import { CatalogError } from "./errors";

/**
 * Takes `qty` units of one variant, or none: the filter and the decrement are one statement, so
 * two buyers of the last unit cannot both see it.
 */
export async function reserveStock(db: MongoDb, sku: string, qty: number): Promise<boolean> {
  if (!Number.isInteger(qty) || qty <= 0) throw new CatalogError("INVALID", "qty: expected a positive integer");
  const products = db.collection("products");
  const { modifiedCount } = await products.updateOne(
    { variants: { $elemMatch: { sku, stock: { $gte: qty } } } },
    { $inc: { "variants.$.stock": -qty } },
  );
  if (modifiedCount === 1) return true;
  if (!(await products.findOne({ "variants.sku": sku }))) throw new CatalogError("NOT_FOUND", `sku: no variant ${sku}`);
  return false;
}
