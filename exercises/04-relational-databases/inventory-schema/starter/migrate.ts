import type { Db } from "@roadlab/db";
import { InventoryError } from "./errors";

/** Moves every row of inventory_import into the normalised tables, all or nothing. */
export async function migrateImport(db: Db): Promise<void> {
  // TODO: reject conflicting facts with InventoryError("CONFLICTING_IMPORT", …), then
  // INSERT … SELECT into categories, suppliers, warehouses, products and stock, in one transaction.
  void db;
  void InventoryError;
  throw new Error("not implemented");
}
