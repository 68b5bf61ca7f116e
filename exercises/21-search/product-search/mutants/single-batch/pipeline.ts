import type { Db } from "@roadlab/db";
import type { CatalogIndex } from "./catalog-index";
import type { ChangeRow, Product } from "./types";

const BATCH = 100;

function toProduct(row: NonNullable<ChangeRow["row"]>): Product {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    brand: row.brand,
    category: row.category,
    priceCents: row.price_cents,
    inStock: row.in_stock,
  };
}

/** Keeps a CatalogIndex in step with the products table: one bulk load, then the outbox. */
export class IndexPipeline {
  #position = 0;

  constructor(
    private readonly db: Db,
    private readonly index: CatalogIndex,
  ) {}

  /** seq of the last change the index reflects. */
  get position(): number {
    return this.#position;
  }

  /** Indexes every product and sets the position to the last change the snapshot includes. */
  async bulkLoad(): Promise<number> {
    // One transaction: the rows and the position come from the same snapshot, so a write that
    // commits in between is either in both or in neither (and then catchUp brings it).
    const { position, rows } = await this.db.transaction(async (tx) => {
      await tx.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
      const last = await tx.query<{ seq: string }>("SELECT coalesce(max(seq), 0) AS seq FROM product_changes");
      const products = await tx.query<Product>(
        `SELECT id, name, description, brand, category, price_cents AS "priceCents", in_stock AS "inStock"
           FROM products ORDER BY id`,
      );
      return { position: Number(last.rows[0]!.seq), rows: products.rows };
    });
    for (const product of rows) this.index.upsert(product);
    this.#position = position;
    return rows.length;
  }

  /** Applies the changes after `from` (default: the position) in seq order; returns how many. */
  async catchUp(options: { from?: number } = {}): Promise<number> {
    let after = options.from ?? this.#position;
    let applied = 0;
    for (;;) {
      const { rows } = await this.db.query<ChangeRow>(
        "SELECT seq, op, product_id, row FROM product_changes WHERE seq > $1 ORDER BY seq LIMIT $2",
        [after, BATCH],
      );
      for (const change of rows) {
        if (change.op === "delete") this.index.remove(change.product_id);
        else this.index.upsert(toProduct(change.row!));
        after = Number(change.seq);
        this.#position = after;
        applied++;
      }
      return applied;
    }
  }
}
