import type { MongoDb } from "@roadlab/mongo";
import { CatalogError } from "./errors";

export async function reserveStock(db: MongoDb, sku: string, qty: number): Promise<boolean> {
  if (!Number.isInteger(qty) || qty <= 0) throw new CatalogError("INVALID", "qty: expected a positive integer");
  const products = db.collection("products");
  const product = await products.findOne({ "variants.sku": sku });
  if (!product) throw new CatalogError("NOT_FOUND", `sku: no variant ${sku}`);
  const variant = (product.variants as { sku: string; stock: number }[]).find((v) => v.sku === sku)!;
  if (variant.stock < qty) return false;
  await products.updateOne({ "variants.sku": sku }, { $set: { "variants.$.stock": variant.stock - qty } });
  return true;
}
