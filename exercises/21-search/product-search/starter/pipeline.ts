import type { Db } from "@roadlab/db";
import type { CatalogIndex } from "./catalog-index";
import type { ChangeRow } from "./types";

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

  /** Indexes every product and sets the position to the last change the snapshot includes; returns how many products. */
  async bulkLoad(): Promise<number> {
    // TODO: in one transaction, read max(seq) from product_changes and every product row.
    void this.db;
    void this.index;
    throw new Error("not implemented: bulkLoad");
  }

  /** Applies the changes after `from` (default: the position) in seq order; returns how many. */
  async catchUp(options: { from?: number } = {}): Promise<number> {
    // TODO: read product_changes in batches, apply each change, move the position.
    const example: ChangeRow["op"] = "insert";
    void example;
    void options;
    throw new Error("not implemented: catchUp");
  }
}
