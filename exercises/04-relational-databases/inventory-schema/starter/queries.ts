import type { Db } from "@roadlab/db";
import { InventoryError } from "./errors";

/** Units of `sku` on hand across all warehouses (0 when it is stocked nowhere). */
export async function onHand(db: Db, sku: string): Promise<number> {
  // TODO: UNKNOWN_SKU when no product has this SKU
  void db;
  void sku;
  void InventoryError;
  throw new Error("not implemented");
}

export interface ReorderLine {
  warehouse: string;
  sku: string;
  quantity: number;
  reorderLevel: number;
}

/**
 * Every (warehouse, product) pair whose quantity is below the product's reorder level, a product
 * with no stock row in a warehouse counting as 0 there; ordered by warehouse code, then SKU.
 */
export async function belowReorderLevel(db: Db): Promise<ReorderLine[]> {
  // TODO
  void db;
  throw new Error("not implemented");
}

/** Who to call about a SKU: the supplier's name and email. */
export async function supplierOf(db: Db, sku: string): Promise<{ name: string; email: string }> {
  // TODO: UNKNOWN_SKU when no product has this SKU
  void db;
  void sku;
  throw new Error("not implemented");
}
