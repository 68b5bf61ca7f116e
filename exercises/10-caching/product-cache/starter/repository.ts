import type { Db } from "@roadlab/db";

/** Read-only: the slow source of truth the cache sits in front of. One SQL statement per call. */
export interface Product {
  id: number;
  name: string;
  category: string;
  priceCents: number;
}

export type ProductInput = Omit<Product, "id">;
export type ProductPatch = Partial<ProductInput>;

const COLUMNS = `id, name, category, price_cents AS "priceCents"`;

export class ProductRepository {
  constructor(private readonly db: Db) {}

  async findById(id: number): Promise<Product | undefined> {
    const { rows } = await this.db.query<Product>(`SELECT ${COLUMNS} FROM products WHERE id = $1`, [id]);
    return rows[0];
  }

  /** The category's products by name, then id. */
  async findByCategory(category: string): Promise<Product[]> {
    const { rows } = await this.db.query<Product>(
      `SELECT ${COLUMNS} FROM products WHERE category = $1 ORDER BY name, id`,
      [category],
    );
    return rows;
  }

  async create(input: ProductInput): Promise<Product> {
    const { rows } = await this.db.query<Product>(
      `INSERT INTO products (name, category, price_cents) VALUES ($1, $2, $3) RETURNING ${COLUMNS}`,
      [input.name, input.category, input.priceCents],
    );
    return rows[0];
  }

  /** The row before and after the change; undefined when there is no such product. */
  async update(id: number, patch: ProductPatch): Promise<{ before: Product; after: Product } | undefined> {
    const { rows } = await this.db.query<Product & { oldCategory: string; oldName: string; oldPrice: number }>(
      `UPDATE products p SET
          name = COALESCE($2, p.name),
          category = COALESCE($3, p.category),
          price_cents = COALESCE($4, p.price_cents)
        FROM products old
       WHERE p.id = $1 AND old.id = p.id
       RETURNING p.id, p.name, p.category, p.price_cents AS "priceCents",
                 old.name AS "oldName", old.category AS "oldCategory", old.price_cents AS "oldPrice"`,
      [id, patch.name ?? null, patch.category ?? null, patch.priceCents ?? null],
    );
    const row = rows[0];
    if (!row) return undefined;
    const after = { id: row.id, name: row.name, category: row.category, priceCents: row.priceCents };
    return { before: { id: row.id, name: row.oldName, category: row.oldCategory, priceCents: row.oldPrice }, after };
  }

  /** The deleted row; undefined when there was none. */
  async delete(id: number): Promise<Product | undefined> {
    const { rows } = await this.db.query<Product>(`DELETE FROM products WHERE id = $1 RETURNING ${COLUMNS}`, [id]);
    return rows[0];
  }
}
