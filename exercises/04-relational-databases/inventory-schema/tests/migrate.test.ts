import { beforeEach, describe, expect, it } from "vitest";
import { createDb, type Db } from "@roadlab/db";
import { schema } from "../schema";
import { migrateImport } from "../migrate";

let db: Db;
beforeEach(async () => {
  db = await createDb();
  await db.exec(schema);
});

const count = async (table: string) => (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n;

async function stockRows() {
  const { rows } = await db.query<{ sku: string; code: string; quantity: number }>(`
    SELECT p.sku, w.code, s.quantity FROM stock s
    JOIN products p ON p.id = s.product_id JOIN warehouses w ON w.id = s.warehouse_id ORDER BY 1, 2`);
  return rows.map((r) => `${r.sku}@${r.code}=${r.quantity}`);
}

describe("migrateImport", () => {
  it("stores each category, supplier, warehouse and product once", async () => {
    await migrateImport(db);
    expect(await count("categories")).toBe(3);
    expect(await count("suppliers")).toBe(3);
    expect(await count("warehouses")).toBe(3);
    expect(await count("products")).toBe(6);
  });

  it("folds email case, so one supplier written two ways is one supplier", async () => {
    await migrateImport(db);
    const { rows } = await db.query<{ name: string; email: string }>("SELECT name, email FROM suppliers ORDER BY name");
    expect(rows).toEqual([
      { name: "Kettle & Co", email: "orders@kettleco.example" },
      { name: "Nordic Mills", email: "sales@nordicmills.example" },
      { name: "Paperworks", email: "hello@paperworks.example" },
    ]);
  });

  it("adds up two lines for one product in one warehouse, and keeps a zero quantity", async () => {
    await migrateImport(db);
    expect(await stockRows()).toEqual([
      "BR-300@AMS=40", "BR-300@OSL=4", "BR-310@LIS=0", "FI-10@AMS=150", "FI-10@OSL=20",
      "GR-100@AMS=12", "GR-100@LIS=3", "GR-200@AMS=1",
    ]);
  });

  it("keeps a product that is stocked nowhere, without inventing a stock row for it", async () => {
    await migrateImport(db);
    const { rows } = await db.query("SELECT p.sku, p.reorder_level FROM products p WHERE p.sku = 'FI-20'");
    expect(rows).toEqual([{ sku: "FI-20", reorder_level: 4 }]);
    expect((await stockRows()).some((r) => r.startsWith("FI-20"))).toBe(false);
  });

  it("links each product to its category and supplier", async () => {
    await migrateImport(db);
    const { rows } = await db.query(`
      SELECT p.sku, c.name AS category, s.name AS supplier FROM products p
      JOIN categories c ON c.id = p.category_id JOIN suppliers s ON s.id = p.supplier_id ORDER BY p.sku`);
    expect(rows.map((r) => Object.values(r).join(" / "))).toEqual([
      "BR-300 / Brewers / Kettle & Co", "BR-310 / Brewers / Kettle & Co", "FI-10 / Filters / Paperworks",
      "FI-20 / Filters / Paperworks", "GR-100 / Grinders / Nordic Mills", "GR-200 / Grinders / Nordic Mills",
    ]);
  });

  it.each([
    ["a supplier with two emails", "UPDATE inventory_import SET supplier_email = 'other@paperworks.example' WHERE line = 9"],
    ["a warehouse in two cities", "UPDATE inventory_import SET warehouse_city = 'Porto' WHERE line = 6"],
    ["a SKU with two names", "UPDATE inventory_import SET product_name = 'Hand grinder v2' WHERE line = 2"],
    ["a SKU with two reorder levels", "UPDATE inventory_import SET reorder_level = 6 WHERE line = 8"],
  ])("rejects an import that gives %s, and writes nothing", async (_, change) => {
    await db.exec(change);
    await expect(migrateImport(db)).rejects.toMatchObject({ code: "CONFLICTING_IMPORT" });
    for (const table of ["categories", "suppliers", "warehouses", "products", "stock"]) expect(await count(table)).toBe(0);
  });

  it("writes nothing when a later step fails", async () => {
    await db.exec("UPDATE inventory_import SET quantity = -5 WHERE line = 9");
    await expect(migrateImport(db)).rejects.toMatchObject({ code: "23514" });
    for (const table of ["categories", "suppliers", "products"]) expect(await count(table)).toBe(0);
  });
});
