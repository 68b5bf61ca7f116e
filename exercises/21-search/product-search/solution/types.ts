/** A product as the index stores it and the API returns it (camelCase; the table is snake_case). */
export interface Product {
  id: number;
  name: string;
  description: string;
  brand: string;
  category: string;
  priceCents: number;
  inStock: boolean;
}

/** A validated search request. Prices are in cents, bounds inclusive; page counts from 1. */
export interface SearchQuery {
  q: string;
  category?: string;
  brand?: string;
  inStock?: boolean;
  minPrice?: number;
  maxPrice?: number;
  page: number;
  perPage: number;
}

export interface SearchHit extends Product {
  score: number;
}

/** The body of a 200 from `GET /search`. */
export interface SearchPage {
  /** Matches across all pages, after the filters. */
  total: number;
  page: number;
  perPage: number;
  hits: SearchHit[];
  /** value → count over all matches (after the filters), values with no match left out. */
  facets: { category: Record<string, number>; brand: Record<string, number> };
}

/** An RFC 9457 problem details body, sent with `content-type: application/problem+json`. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  /** Query parameter name → what is wrong with it. */
  errors: Record<string, string>;
}

/** One row of the product_changes outbox table. `row` is to_jsonb(products row), null for a delete. */
export interface ChangeRow {
  seq: string | number;
  op: "insert" | "update" | "delete";
  product_id: number;
  row: {
    id: number;
    name: string;
    description: string;
    brand: string;
    category: string;
    price_cents: number;
    in_stock: boolean;
  } | null;
}

export const DEFAULT_PER_PAGE = 10;
export const MAX_PER_PAGE = 50;
export const MAX_QUERY_LENGTH = 100;
