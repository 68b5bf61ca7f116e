import type { MongoDb } from "@roadlab/mongo";
import type { SearchQuery, SearchResult } from "./types";

export const BAND_BOUNDARIES = [0, 2500, 5000, 10000];

/** Filtered, sorted, paged products with brand and price facets, from one aggregation. */
export async function searchProducts(db: MongoDb, query: SearchQuery): Promise<SearchResult> {
  // TODO: $addFields (old prices) → $match → $facet { items, total, brands, bands }
  throw new Error("not implemented");
}
