import MiniSearch from "minisearch";
import type { Product, SearchPage, SearchQuery } from "./types";

/** The search side: a MiniSearch index holding a copy of each product. */
export class CatalogIndex {
  // TODO: fields name, brand, description (name boosted ×2); store every other Product field;
  // search with fuzzy 0.2, prefix on and combineWith "AND".
  readonly #search = new MiniSearch<Product>({ fields: ["name"] });

  /** Adds the product, or replaces the copy with the same id: safe to apply twice. */
  upsert(product: Product): void {
    void product;
    throw new Error("not implemented: upsert");
  }

  /** Removes the product if it is there; true if it was. Safe to apply twice. */
  remove(id: number): boolean {
    void id;
    throw new Error("not implemented: remove");
  }

  get size(): number {
    return this.#search.documentCount;
  }

  /** Filters, ranking (score, then id), facets over all matches, then one page. */
  search(query: SearchQuery): SearchPage {
    void query;
    throw new Error("not implemented: search");
  }
}
