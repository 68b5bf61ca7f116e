import type { Db } from "@roadlab/db";
import { Session } from "./session";
import { Categories, OrmError, Products, type NewProduct, type ProductChanges, type ProductView } from "./types";

/** CRUD over products. Every call is one unit of work: a fresh Session, at most one flush. */
export class ProductService {
  constructor(private readonly db: Db) {}

  /** All products (or one category's), ordered by id, each with its category: two queries whatever the count. */
  async list(categoryId?: number): Promise<ProductView[]> {
    // TODO: findBy the products, then findMany their categories (one query, not one per product).
    void [Session, Categories, Products];
    throw new Error("not implemented");
  }

  /** One product with its category; NOT_FOUND if there is no such product. */
  async get(id: number): Promise<ProductView> {
    throw new OrmError("NOT_FOUND", "not implemented");
  }

  /** Inserts a product into an existing category (NOT_FOUND otherwise). */
  async create(input: NewProduct): Promise<ProductView> {
    throw new Error("not implemented");
  }

  /** Changes the product if it is still at `expectedVersion` (what the client read); STALE otherwise. */
  async update(id: number, expectedVersion: number, changes: ProductChanges): Promise<ProductView> {
    throw new Error("not implemented");
  }

  /** Deletes the product if it is still at `expectedVersion`; STALE otherwise, NOT_FOUND if there is none. */
  async remove(id: number, expectedVersion: number): Promise<void> {
    throw new Error("not implemented");
  }

  /** Adds each delta to its product's stock, all or nothing: one query to load, one transaction to write. */
  async adjustStock(changes: { id: number; delta: number }[]): Promise<void> {
    throw new Error("not implemented");
  }
}
