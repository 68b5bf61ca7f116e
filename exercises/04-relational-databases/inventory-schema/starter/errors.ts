export type InventoryErrorCode =
  /** The import says two different things about one fact (e.g. a supplier with two emails). */
  | "CONFLICTING_IMPORT"
  /** No product has this SKU. */
  | "UNKNOWN_SKU";

export class InventoryError extends Error {
  constructor(
    readonly code: InventoryErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "InventoryError";
  }
}
