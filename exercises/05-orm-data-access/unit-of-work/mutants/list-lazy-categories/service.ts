import type { Db } from "@roadlab/db";
import { Session } from "./session";
import { Categories, OrmError, Products, type Category, type NewProduct, type Product, type ProductChanges, type ProductView } from "./types";

/** CRUD over products. Every call is one unit of work: a fresh Session, at most one flush. */
export class ProductService {
  constructor(private readonly db: Db) {}

  /** All products (or one category's), ordered by id, each with its category: two queries whatever the count. */
  async list(categoryId?: number): Promise<ProductView[]> {
    const session = new Session(this.db);
    const products = await session.findBy(Products, categoryId === undefined ? {} : { categoryId });
    // Lazy: each product's category on first use; the identity map makes repeats free.
    const views: ProductView[] = [];
    for (const p of products) views.push(view(p, await category(session, p.categoryId)));
    return views;
  }

  async get(id: number): Promise<ProductView> {
    const session = new Session(this.db);
    const product = await required(session, id);
    return view(product, await category(session, product.categoryId));
  }

  async create(input: NewProduct): Promise<ProductView> {
    const session = new Session(this.db);
    const owner = await category(session, input.categoryId);
    const product = session.add(Products, { ...input });
    await session.flush();
    return view(product, owner);
  }

  /** Changes the product if it still has `expectedVersion` (what the client read); STALE otherwise. */
  async update(id: number, expectedVersion: number, changes: ProductChanges): Promise<ProductView> {
    const session = new Session(this.db);
    const product = await required(session, id);
    if (product.version !== expectedVersion) throw new OrmError("STALE", `product ${id} is at version ${product.version}, not ${expectedVersion}`);
    Object.assign(product, changes);
    const owner = await category(session, product.categoryId);
    await session.flush();
    return view(product, owner);
  }

  async remove(id: number, expectedVersion: number): Promise<void> {
    const session = new Session(this.db);
    const product = await required(session, id);
    if (product.version !== expectedVersion) throw new OrmError("STALE", `product ${id} is at version ${product.version}, not ${expectedVersion}`);
    session.remove(product);
    await session.flush();
  }

  /** Adds each delta to its product's stock, all or nothing: one query to load, one transaction to write. */
  async adjustStock(changes: { id: number; delta: number }[]): Promise<void> {
    const session = new Session(this.db);
    const products = await session.findMany(Products, changes.map((c) => c.id));
    const byId = new Map(products.map((p) => [p.id, p]));
    for (const { id, delta } of changes) {
      const product = byId.get(id);
      if (product === undefined) throw new OrmError("NOT_FOUND", `no product ${id}`);
      product.stock += delta;
    }
    await session.flush();
  }
}

async function required(session: Session, id: number): Promise<Product> {
  const product = await session.find(Products, id);
  if (product === null) throw new OrmError("NOT_FOUND", `no product ${id}`);
  return product;
}

async function category(session: Session, id: number): Promise<Category> {
  const found = await session.find(Categories, id);
  if (found === null) throw new OrmError("NOT_FOUND", `no category ${id}`);
  return found;
}

function view(p: Product, c: Category): ProductView {
  return { id: p.id, sku: p.sku, name: p.name, priceCents: p.priceCents, stock: p.stock, version: p.version, category: { id: c.id, name: c.name } };
}
