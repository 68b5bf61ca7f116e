import { beforeEach, describe, expect, it } from "vitest";
import { createDb, type Db } from "@roadlab/db";
import { schema } from "../schema";
import { belowReorderLevel, onHand, supplierOf } from "../queries";

let db: Db;
// The data goes in by plain SQL, so these tests hold whatever migrateImport does.
beforeEach(async () => {
  db = await createDb();
  await db.exec(schema);
  await db.exec(`
    INSERT INTO categories (name) VALUES ('Grinders'), ('Filters');
    INSERT INTO suppliers (name, email) VALUES ('Nordic Mills', 'sales@nordicmills.example'), ('Paperworks', 'hello@paperworks.example');
    INSERT INTO warehouses (code, city) VALUES ('OSL', 'Oslo'), ('AMS', 'Amsterdam');
    INSERT INTO products (sku, name, category_id, supplier_id, reorder_level) VALUES
      ('GR-100', 'Hand grinder', (SELECT id FROM categories WHERE name = 'Grinders'), (SELECT id FROM suppliers WHERE name = 'Nordic Mills'), 5),
      ('FI-10', 'Paper filters', (SELECT id FROM categories WHERE name = 'Filters'), (SELECT id FROM suppliers WHERE name = 'Paperworks'), 50),
      ('FI-20', 'Metal filter', (SELECT id FROM categories WHERE name = 'Filters'), (SELECT id FROM suppliers WHERE name = 'Paperworks'), 0);
    INSERT INTO stock (product_id, warehouse_id, quantity)
      SELECT p.id, w.id, v.q FROM (VALUES ('GR-100', 'AMS', 12), ('GR-100', 'OSL', 3), ('FI-10', 'AMS', 50)) v(sku, code, q)
      JOIN products p ON p.sku = v.sku JOIN warehouses w ON w.code = v.code;
  `);
});

describe("onHand", () => {
  it("adds a product's stock over every warehouse", async () => {
    expect(await onHand(db, "GR-100")).toBe(15);
    expect(await onHand(db, "FI-10")).toBe(50);
  });

  it("is 0 for a product stocked nowhere", async () => {
    expect(await onHand(db, "FI-20")).toBe(0);
  });

  it("fails with UNKNOWN_SKU for a SKU no product has, and takes the SKU as a value", async () => {
    await expect(onHand(db, "NOPE")).rejects.toMatchObject({ code: "UNKNOWN_SKU" });
    await expect(onHand(db, "x' OR '1'='1")).rejects.toMatchObject({ code: "UNKNOWN_SKU" });
  });
});

describe("belowReorderLevel", () => {
  it("lists every pair under its level, a missing stock row counting as 0, by warehouse then SKU", async () => {
    expect(await belowReorderLevel(db)).toEqual([
      { warehouse: "OSL", sku: "FI-10", quantity: 0, reorderLevel: 50 },
      { warehouse: "OSL", sku: "GR-100", quantity: 3, reorderLevel: 5 },
    ]);
  });

  it("does not list a quantity exactly at the level", async () => {
    await db.exec("UPDATE stock SET quantity = 5 WHERE quantity = 3");
    expect(await belowReorderLevel(db)).toEqual([{ warehouse: "OSL", sku: "FI-10", quantity: 0, reorderLevel: 50 }]);
  });

  it("is empty without warehouses", async () => {
    await db.exec("DELETE FROM stock; DELETE FROM warehouses;");
    expect(await belowReorderLevel(db)).toEqual([]);
  });
});

describe("supplierOf", () => {
  it("finds the supplier through the product", async () => {
    expect(await supplierOf(db, "FI-20")).toEqual({ name: "Paperworks", email: "hello@paperworks.example" });
  });

  it("fails with UNKNOWN_SKU for a SKU no product has", async () => {
    await expect(supplierOf(db, "GR-999")).rejects.toMatchObject({ code: "UNKNOWN_SKU" });
  });
});
