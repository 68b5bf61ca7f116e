/** Read-only. Every failure the catalogue reports, by code. */
export type CatalogErrorCode = "INVALID" | "UNKNOWN_CATEGORY" | "DUPLICATE" | "NOT_FOUND";

export class CatalogError extends Error {
  constructor(
    readonly code: CatalogErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "CatalogError";
  }
}
