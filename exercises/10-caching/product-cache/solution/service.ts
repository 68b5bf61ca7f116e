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

/** Seconds; the cache adds ±10 % jitter to each. */
const ITEM_TTL = 300;
const LIST_TTL = 60;
const MISSING_TTL = 30;

const itemKey = (id: number) => `product:${id}`;
const listKey = (category: string) => `products:category:${category}`;

export class ProductService {
  constructor(
    private readonly repository: ProductRepository,
    private readonly cache: Cache,
  ) {}

  getProduct(id: number): Promise<Product | null> {
    return this.cache.getOrLoad(itemKey(id), ITEM_TTL, MISSING_TTL, async () => (await this.repository.findById(id)) ?? null);
  }

  async listCategory(category: string): Promise<Product[]> {
    const list = await this.cache.getOrLoad(listKey(category), LIST_TTL, MISSING_TTL, () =>
      this.repository.findByCategory(category),
    );
    return list ?? [];
  }

  async createProduct(input: ProductInput): Promise<Product> {
    const created = await this.repository.create(input);
    // Someone may have asked for this id before it existed: that cached "missing" is now a lie.
    await this.cache.invalidate(itemKey(created.id), listKey(created.category));
    return created;
  }

  async updateProduct(id: number, patch: ProductPatch): Promise<Product> {
    const changed = await this.repository.update(id, patch);
    if (!changed) throw new ProductError("NOT_FOUND", `no product ${id}`);
    // After the write, never before: a read between a delete and the write would load the old
    // row and put it back for a whole TTL. The old category's list loses it, the new one gains it.
    await this.cache.invalidate(itemKey(id), ...new Set([listKey(changed.before.category), listKey(changed.after.category)]));
    return changed.after;
  }

  async deleteProduct(id: number): Promise<void> {
    const deleted = await this.repository.delete(id);
    if (!deleted) throw new ProductError("NOT_FOUND", `no product ${id}`);
    await this.cache.invalidate(itemKey(id), listKey(deleted.category));
  }
}
