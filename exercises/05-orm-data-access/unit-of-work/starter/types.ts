// Read-only: the entities, how they map to tables, and the error the session and service throw.

export interface Category {
  id: number;
  name: string;
  version: number;
}

export interface Product {
  id: number;
  sku: string;
  name: string;
  priceCents: number;
  stock: number;
  categoryId: number;
  version: number;
}

/** Every entity has a database id and a version for optimistic locking. */
export interface Entity {
  id: number;
  version: number;
}

/** How one entity type maps to its table: each property to its column. */
export interface Mapping<T extends Entity> {
  table: string;
  columns: { [K in keyof T]: string };
}

export const Categories: Mapping<Category> = {
  table: "categories",
  columns: { id: "id", name: "name", version: "version" },
};

export const Products: Mapping<Product> = {
  table: "products",
  columns: {
    id: "id",
    sku: "sku",
    name: "name",
    priceCents: "price_cents",
    stock: "stock",
    categoryId: "category_id",
    version: "version",
  },
};

/** Where an object stands with one session. "dirty" is a managed entity whose fields changed since it was loaded or last flushed. */
export type EntityState = "new" | "managed" | "dirty" | "removed" | "detached";

export type OrmErrorCode =
  /** The row was changed or deleted by someone else since this session read it (version mismatch). */
  | "STALE"
  /** remove() of an object this session does not manage (detached or never seen). */
  | "NOT_MANAGED"
  /** The service was asked for a product or category that does not exist. */
  | "NOT_FOUND";

export class OrmError extends Error {
  constructor(
    readonly code: OrmErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "OrmError";
  }
}

/** What the service returns: a product with its category loaded. */
export interface ProductView {
  id: number;
  sku: string;
  name: string;
  priceCents: number;
  stock: number;
  version: number;
  category: { id: number; name: string };
}

export type NewProduct = Omit<Product, "id" | "version">;
export type ProductChanges = Partial<Pick<Product, "name" | "priceCents" | "stock" | "categoryId">>;
