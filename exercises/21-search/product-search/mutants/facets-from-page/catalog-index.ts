import MiniSearch from "minisearch";
import type { Product, SearchHit, SearchPage, SearchQuery } from "./types";

const STORED = ["name", "description", "brand", "category", "priceCents", "inStock"] as const;

/** The search side: a MiniSearch index holding a copy of each product. */
export class CatalogIndex {
  readonly #search = new MiniSearch<Product>({
    fields: ["name", "brand", "description"],
    storeFields: [...STORED],
    searchOptions: { boost: { name: 2 }, fuzzy: 0.2, prefix: true, combineWith: "AND" },
  });

  /** Adds the product, or replaces the copy with the same id: safe to apply twice. */
  upsert(product: Product): void {
    if (this.#search.has(product.id)) this.#search.replace(product);
    else this.#search.add(product);
  }

  /** Removes the product if it is there; true if it was. Safe to apply twice. */
  remove(id: number): boolean {
    if (!this.#search.has(id)) return false;
    this.#search.discard(id);
    return true;
  }

  get size(): number {
    return this.#search.documentCount;
  }

  search(query: SearchQuery): SearchPage {
    const matches = this.#search
      .search(query.q, {
        filter: (r) =>
          (query.category === undefined || r.category === query.category) &&
          (query.brand === undefined || r.brand === query.brand) &&
          (query.inStock === undefined || r.inStock === query.inStock) &&
          (query.minPrice === undefined || r.priceCents >= query.minPrice) &&
          (query.maxPrice === undefined || r.priceCents <= query.maxPrice),
      })
      .map((r): SearchHit => {
        const hit = { id: r.id as number, score: r.score } as SearchHit;
        for (const field of STORED) (hit as unknown as Record<string, unknown>)[field] = r[field];
        return hit;
      })
      .sort((a, b) => b.score - a.score || a.id - b.id);

    const start = (query.page - 1) * query.perPage;
    const page = matches.slice(start, start + query.perPage);
    const facets: SearchPage["facets"] = { category: {}, brand: {} };
    for (const hit of page) {
      facets.category[hit.category] = (facets.category[hit.category] ?? 0) + 1;
      facets.brand[hit.brand] = (facets.brand[hit.brand] ?? 0) + 1;
    }
    return {
      total: matches.length,
      page: query.page,
      perPage: query.perPage,
      hits: page,
      facets,
    };
  }
}
