import type { Cache } from "./cache";
import type { Product, ProductInput, ProductPatch, ProductRepository } from "./repository";

export class ProductError extends Error {
  constructor(
    readonly code: "NOT_FOUND",
    message: string,
  ) {
    super(message);
    this.name = "ProductError";
  }
}

/**
 * Correct, and slow: every call goes to Postgres. Put the cache in front of the reads and make
 * every write invalidate what it makes stale (README: keys, TTLs, order).
 */
export class ProductService {
  constructor(
    private readonly repository: ProductRepository,
    private readonly cache: Cache,
  ) {}

  async getProduct(id: number): Promise<Product | null> {
    return (await this.repository.findById(id)) ?? null;
  }

  async listCategory(category: string): Promise<Product[]> {
    return this.repository.findByCategory(category);
  }

  async createProduct(input: ProductInput): Promise<Product> {
    return this.repository.create(input);
  }

  async updateProduct(id: number, patch: ProductPatch): Promise<Product> {
    const changed = await this.repository.update(id, patch);
    if (!changed) throw new ProductError("NOT_FOUND", `no product ${id}`);
    return changed.after;
  }

  async deleteProduct(id: number): Promise<void> {
    const deleted = await this.repository.delete(id);
    if (!deleted) throw new ProductError("NOT_FOUND", `no product ${id}`);
  }
}
