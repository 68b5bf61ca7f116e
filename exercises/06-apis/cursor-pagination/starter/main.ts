import type { Db } from "@roadlab/db";

/** A product as the API shows it. */
export interface Product {
  id: number;
  name: string;
  status: "active" | "draft" | "archived";
  priceCents: number;
  /** `created_at` as an ISO 8601 string with milliseconds, e.g. "2024-01-05T09:00:00.000Z". */
  createdAt: string;
}

/** The body of a 200 from `GET /products`. `nextCursor` is left out on the last page. */
export interface ProductPage {
  items: Product[];
  nextCursor?: string;
}

/** An RFC 9457 problem details body, sent with `content-type: application/problem+json`. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  /** Query parameter name → what is wrong with it. */
  errors?: Record<string, string>;
}

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 100;
export const DEFAULT_SORT = "-createdAt";

/** UTF-8 text → base64url without padding (RFC 4648 §5): safe in a URL as is. Complete; use it. */
export function encodeBase64Url(text: string): string {
  let binary = "";
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** base64url (padding optional) → UTF-8 text, or undefined if it is not valid base64url. Complete; use it. */
export function decodeBase64Url(encoded: string): string | undefined {
  if (!/^[A-Za-z0-9_-]*={0,2}$/.test(encoded)) return undefined;
  try {
    const binary = atob(encoded.replace(/-/g, "+").replace(/_/g, "/"));
    const bytes = Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * `GET /products` over the `products` table as a web-standard handler:
 *
 *   GET /products?status=active&minPrice=1000&maxPrice=5000&sort=-price,name&limit=20&cursor=…
 *     → 200 { items: Product[], nextCursor? }  + `Link: </products?…&cursor=…>; rel="next"`
 *     → 400 problem+json with errors[<parameter>] for any unknown or invalid parameter
 *
 * Keyset pagination: ORDER BY the sort keys plus id, "rows after the cursor" in WHERE, and
 * LIMIT — never OFFSET. Any other path → 404; another method → 405 with `Allow: GET`.
 * The returned function never rejects. README.md has the full contract.
 */
export function createHandler(db: Db): (req: Request) => Promise<Response> {
  // TODO: return an async (req) => Response that:
  //   1. routes: only GET /products (404 for other paths, 405 + Allow: GET for other methods);
  //   2. validates every query parameter against an allow-list, collecting one message per bad
  //      parameter into `errors` (unknown names, repeats, bad status/prices/limit/sort/cursor);
  //   3. maps sort fields to column names ONLY through a fixed table, adds `id ASC` as the
  //      last key, and turns the cursor into a WHERE condition "comes after this row";
  //   4. fetches limit + 1 rows: if the extra row came back, there is a next page — build
  //      nextCursor from the LAST row on this page (its sort-key values and its id);
  //   5. answers with JSON, or a problem+json 400/404/405/500.
  throw new Error("TODO: implement createHandler");
}
