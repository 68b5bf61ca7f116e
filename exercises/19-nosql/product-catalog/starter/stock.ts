import type { MongoDb } from "@roadlab/mongo";
import { CatalogError } from "./errors";

/** Take qty units of the variant with this SKU in one conditional update: true if taken, false if too few. */
export async function reserveStock(db: MongoDb, sku: string, qty: number): Promise<boolean> {
  // TODO: one updateOne whose filter only matches when that variant has enough stock
  throw new CatalogError("INVALID", "not implemented");
}
