import type { Db } from "@roadlab/db";
import { InventoryError } from "./errors";

/**
 * Facts the flat file repeats on many lines; each must have one value, or the import is
 * ambiguous and nothing is written. Emails compare case-insensitively, as the schema does.
 */
const CONFLICTS = [
  { what: "supplier", key: "supplier_name", value: "lower(supplier_email)" },
  { what: "product", key: "sku", value: "product_name || '|' || category || '|' || supplier_name || '|' || reorder_level" },
  { what: "warehouse", key: "warehouse_code", value: "warehouse_city" },
];

/** Moves every row of inventory_import into the normalised tables, all or nothing. */
export async function migrateImport(db: Db): Promise<void> {
  for (const { what, key, value } of CONFLICTS) {
    const { rows } = await db.query<{ key: string }>(
      `SELECT ${key} AS key FROM inventory_import WHERE ${key} IS NOT NULL
       GROUP BY ${key} HAVING count(DISTINCT ${value}) > 1 ORDER BY ${key} LIMIT 1`,
    );
    if (rows.length > 0) throw new InventoryError("CONFLICTING_IMPORT", `the import gives ${what} ${rows[0].key} more than one value`);
  }

  // One statement at a time, each committing on its own.
  for (const statement of [
    `INSERT INTO categories (name) SELECT DISTINCT category FROM inventory_import`,
    `INSERT INTO suppliers (name, email)
        SELECT DISTINCT supplier_name, lower(supplier_email) FROM inventory_import`,
    `INSERT INTO warehouses (code, city)
        SELECT DISTINCT warehouse_code, warehouse_city FROM inventory_import WHERE warehouse_code IS NOT NULL`,
    `INSERT INTO products (sku, name, category_id, supplier_id, reorder_level)
        SELECT DISTINCT i.sku, i.product_name, c.id, s.id, i.reorder_level
        FROM inventory_import i
        JOIN categories c ON c.name = i.category
        JOIN suppliers s ON s.name = i.supplier_name`,
    `-- Two lines for one product in one warehouse are two receipts: they add up.
      INSERT INTO stock (product_id, warehouse_id, quantity)
        SELECT p.id, w.id, sum(i.quantity)
        FROM inventory_import i
        JOIN products p ON p.sku = i.sku
        JOIN warehouses w ON w.code = i.warehouse_code
        GROUP BY p.id, w.id`,
  ]) {
    await db.exec(statement);
  }
}
