import type { Db } from "@roadlab/db";
import { InventoryError } from "./errors";

/** Units of `sku` on hand across all warehouses (0 when it is stocked nowhere). */
export async function onHand(db: Db, sku: string): Promise<number> {
  const { rows } = await db.query<{ total: number }>(
    `SELECT coalesce(sum(s.quantity), 0)::int AS total
     FROM products p LEFT JOIN stock s ON s.product_id = p.id
     WHERE p.sku = $1 GROUP BY p.id`,
    [sku],
  );
  if (rows.length === 0) throw new InventoryError("UNKNOWN_SKU", `no product has SKU ${sku}`);
  return rows[0].total;
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
  const { rows } = await db.query<ReorderLine>(
    `SELECT w.code AS warehouse, p.sku, coalesce(s.quantity, 0) AS quantity, p.reorder_level AS "reorderLevel"
     FROM warehouses w
     JOIN stock s ON s.warehouse_id = w.id
     JOIN products p ON p.id = s.product_id
     WHERE coalesce(s.quantity, 0) < p.reorder_level
     ORDER BY w.code, p.sku`,
  );
  return rows;
}

/** Who to call about a SKU: the supplier's name and email. */
export async function supplierOf(db: Db, sku: string): Promise<{ name: string; email: string }> {
  const { rows } = await db.query<{ name: string; email: string }>(
    `SELECT s.name, s.email FROM products p JOIN suppliers s ON s.id = p.supplier_id WHERE p.sku = $1`,
    [sku],
  );
  if (rows.length === 0) throw new InventoryError("UNKNOWN_SKU", `no product has SKU ${sku}`);
  return rows[0];
}
