/** The shapes in the `products`, `categories` and `reviews` collections. Read-only. */

export interface Variant {
  sku: string;
  color: string;
  stock: number;
}

/** The current document shape: schemaVersion 2. */
export interface Product {
  _id: string;
  schemaVersion: 2;
  name: string;
  brand: string;
  /** References a document in `categories`. */
  categoryId: string;
  priceCents: number;
  /** Embedded: always read with the product, never on their own. */
  specs: Record<string, string | number>;
  variants: Variant[];
  /** A summary of the referenced reviews, kept up to date by addReview. */
  rating: { count: number; totalStars: number };
  createdAt: Date;
}

/** What the shop stored before 2024: no schemaVersion, the price in dollars, no specs, no rating. */
export interface ProductV1 {
  _id: string;
  name: string;
  brand: string;
  categoryId: string;
  price: number;
  variants: Variant[];
  createdAt: Date;
}

export interface Category {
  _id: string;
  name: string;
}

export interface Review {
  productId: string;
  author: string;
  stars: number;
  text: string;
  createdAt: Date;
}

export interface NewProduct {
  id: string;
  name: string;
  brand: string;
  categoryId: string;
  priceCents: number;
  specs?: Record<string, string | number>;
  variants: Variant[];
}

export interface ProductPage extends Product {
  /** The three newest reviews, newest first. */
  reviews: Review[];
}

export interface SearchQuery {
  categoryId?: string;
  /** Any of these brands. */
  brands?: string[];
  /** Inclusive bounds, in cents. */
  minPriceCents?: number;
  maxPriceCents?: number;
  /** Only products with at least one variant in stock. */
  inStock?: boolean;
  sort?: "price_asc" | "price_desc" | "newest";
  /** 1-based; default 1. */
  page?: number;
  /** 1 to 50; default 10. */
  pageSize?: number;
}

export interface SearchItem {
  id: string;
  name: string;
  brand: string;
  priceCents: number;
}

export interface PriceBand {
  min: number;
  /** null for the open-ended top band. */
  max: number | null;
  count: number;
}

export interface SearchResult {
  total: number;
  items: SearchItem[];
  facets: {
    brands: { brand: string; count: number }[];
    priceBands: PriceBand[];
  };
}
