import { beforeEach, describe, expect, it } from "vitest";
import { createDb, type Db } from "@roadlab/db";
import { schema } from "../schema";

let db: Db;
beforeEach(async () => {
  db = await createDb();
  await db.exec(schema);
  await db.exec(`
    INSERT INTO categories (name) VALUES ('Grinders');
    INSERT INTO suppliers (name, email) VALUES ('Nordic Mills', 'sales@nordicmills.example');
    INSERT INTO warehouses (code, city) VALUES ('AMS', 'Amsterdam');
    INSERT INTO products (sku, name, category_id, supplier_id, reorder_level)
      SELECT 'GR-100', 'Hand grinder', c.id, s.id, 5 FROM categories c, suppliers s;
  `);
});

/** The SQLSTATE a statement fails with, or "ok". */
async function outcome(sql: string): Promise<string> {
  try {
    await db.exec(sql);
    return "ok";
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
}

const ids = {
  product: "(SELECT id FROM products WHERE sku = 'GR-100')",
  warehouse: "(SELECT id FROM warehouses WHERE code = 'AMS')",
  category: "(SELECT id FROM categories WHERE name = 'Grinders')",
  supplier: "(SELECT id FROM suppliers WHERE name = 'Nordic Mills')",
};

describe("keys", () => {
  it("gives every table a primary key, and stock the pair (product_id, warehouse_id)", async () => {
    const { rows } = await db.query<{ table: string; columns: string[] }>(`
      SELECT c.conrelid::regclass::text AS table,
             array(SELECT a.attname::text FROM unnest(c.conkey) k JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k ORDER BY a.attname) AS columns
      FROM pg_constraint c WHERE c.contype = 'p' AND c.connamespace = 'public'::regnamespace ORDER BY 1`);
    expect(rows).toEqual([
      { table: "categories", columns: ["id"] },
      { table: "inventory_import", columns: ["line"] },
      { table: "products", columns: ["id"] },
      { table: "stock", columns: ["product_id", "warehouse_id"] },
      { table: "suppliers", columns: ["id"] },
      { table: "warehouses", columns: ["id"] },
    ]);
  });

  it("lets one product be stocked once per warehouse", async () => {
    expect(await outcome(`INSERT INTO stock VALUES (${ids.product}, ${ids.warehouse}, 3)`)).toBe("ok");
    expect(await outcome(`INSERT INTO stock VALUES (${ids.product}, ${ids.warehouse}, 4)`)).toBe("23505");
  });

  it("refuses a second product with the same SKU, category or warehouse code", async () => {
    expect(await outcome(`INSERT INTO products (sku, name, category_id, supplier_id, reorder_level) VALUES ('GR-100', 'Copy', ${ids.category}, ${ids.supplier}, 1)`)).toBe("23505");
    expect(await outcome(`INSERT INTO categories (name) VALUES ('Grinders')`)).toBe("23505");
    expect(await outcome(`INSERT INTO warehouses (code, city) VALUES ('AMS', 'Elsewhere')`)).toBe("23505");
  });

  it("treats supplier emails that differ only in case as the same address", async () => {
    expect(await outcome(`INSERT INTO suppliers (name, email) VALUES ('Other', 'SALES@NordicMills.example')`)).toBe("23505");
    expect(await outcome(`INSERT INTO suppliers (name, email) VALUES ('Nordic Mills', 'other@example.com')`)).toBe("23505");
  });
});

describe("references and rules", () => {
  it("refuses stock of a product or warehouse that does not exist", async () => {
    expect(await outcome(`INSERT INTO stock VALUES (9999, ${ids.warehouse}, 1)`)).toBe("23503");
    expect(await outcome(`INSERT INTO stock VALUES (${ids.product}, 9999, 1)`)).toBe("23503");
    expect(await outcome(`INSERT INTO products (sku, name, category_id, supplier_id, reorder_level) VALUES ('X-1', 'X', 9999, ${ids.supplier}, 1)`)).toBe("23503");
  });

  it("will not delete a product that still has stock, nor a supplier with products", async () => {
    await db.exec(`INSERT INTO stock VALUES (${ids.product}, ${ids.warehouse}, 3)`);
    expect(await outcome(`DELETE FROM products WHERE sku = 'GR-100'`)).toBe("23503");
    expect(await outcome(`DELETE FROM suppliers`)).toBe("23503");
  });

  it("keeps quantities and reorder levels from going negative, and names required", async () => {
    expect(await outcome(`INSERT INTO stock VALUES (${ids.product}, ${ids.warehouse}, -1)`)).toBe("23514");
    expect(await outcome(`INSERT INTO stock VALUES (${ids.product}, ${ids.warehouse}, 0)`)).toBe("ok");
    expect(await outcome(`UPDATE products SET reorder_level = -1`)).toBe("23514");
    expect(await outcome(`INSERT INTO warehouses (code) VALUES ('OSL')`)).toBe("23502");
    expect(await outcome(`INSERT INTO products (sku, name, category_id, supplier_id, reorder_level) VALUES ('X-1', 'X', ${ids.category}, NULL, 1)`)).toBe("23502");
  });
});

describe("normalisation", () => {
  it("keeps each fact in one table: supplier email and city only where they belong", async () => {
    const { rows } = await db.query<{ table: string; column: string }>(`
      SELECT table_name AS table, column_name AS column FROM information_schema.columns
      WHERE table_schema = 'public' AND table_name <> 'inventory_import' ORDER BY 1, ordinal_position`);
    const columns = (table: string) => rows.filter((r) => r.table === table).map((r) => r.column).sort();
    expect(columns("categories")).toEqual(["id", "name"]);
    expect(columns("suppliers")).toEqual(["email", "id", "name"]);
    expect(columns("products")).toEqual(["category_id", "id", "name", "reorder_level", "sku", "supplier_id"]);
    expect(columns("warehouses")).toEqual(["city", "code", "id"]);
    expect(columns("stock")).toEqual(["product_id", "quantity", "warehouse_id"]);
  });

  it("indexes the referencing columns that no key already leads with", async () => {
    const { rows } = await db.query<{ table: string; lead: string }>(`
      SELECT i.indrelid::regclass::text AS table, a.attname AS lead
      FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]
      WHERE i.indrelid::regclass::text IN ('products', 'stock')`);
    const leads = rows.map((r) => `${r.table}.${r.lead}`);
    expect(leads).toEqual(expect.arrayContaining(["products.category_id", "products.supplier_id", "stock.warehouse_id"]));
  });
});
