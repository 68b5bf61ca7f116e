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
 * `GET /products?status=&minPrice=&maxPrice=&sort=&limit=&cursor=` over Postgres, as a
 * web-standard handler. Keyset (cursor) pagination; see README.md for the full contract.
 */
export function createHandler(db: Db): (req: Request) => Promise<Response> {
  return async (req) => {
    try {
      const url = new URL(req.url);
      if (url.pathname !== "/products") return problem(404, { detail: `No route matches ${url.pathname}.` });
      if (req.method !== "GET") {
        return problem(405, { detail: `${req.method} is not supported on /products.` }, { allow: "GET" });
      }
      return await listProducts(db, url);
    } catch {
      // Never echo internals (SQL, driver messages) to the client.
      return problem(500, { detail: "Something went wrong on our side. Please try again later." });
    }
  };
}

// ---------------------------------------------------------------------------------------------
// The allow-lists. Only these names ever reach the SQL text, and only through these maps:
// a client can choose *which* column to sort by, never *what SQL* gets written.

const SORT_COLUMNS = { price: "price_cents", name: "name", createdAt: "created_at" } as const;
type SortField = keyof typeof SORT_COLUMNS;
const STATUSES = ["active", "draft", "archived"] as const;
const PARAMS = ["status", "minPrice", "maxPrice", "sort", "limit", "cursor"];
/** Prices are compared with an `int` column; a bigger bound would make Postgres throw. */
const MAX_INT = 2_147_483_647;

interface SortKey {
  field: SortField;
  descending: boolean;
}

/** A position in the sorted list: the last row's sort-key values, then its id. */
type CursorValues = (number | string)[];

interface ListQuery {
  status?: string;
  minPrice?: number;
  maxPrice?: number;
  sort: SortKey[];
  /** The sort as written (or the default): what a cursor is bound to. */
  sortText: string;
  limit: number;
  after?: CursorValues;
}

interface ProductRow {
  id: number;
  name: string;
  status: Product["status"];
  price_cents: number;
  created_at: Date;
}

async function listProducts(db: Db, url: URL): Promise<Response> {
  const parsed = parseQuery(url.searchParams);
  if (!parsed.ok) {
    return problem(400, {
      type: "/problems/invalid-query",
      title: "Invalid query parameters",
      detail: `Fix these query parameters: ${Object.keys(parsed.errors).join(", ")}.`,
      errors: parsed.errors,
    });
  }
  const query = parsed.query;
  const { sql, params } = buildSql(query);
  const { rows } = await db.query<ProductRow>(sql, params);

  // We asked for one row more than the page holds: if it came back, there is a next page.
  // That costs nothing extra, where a COUNT(*) would read every matching row.
  const hasMore = rows.length > query.limit;
  const page = rows.slice(0, query.limit);
  const body: ProductPage = { items: page.map(toProduct) };
  const headers: Record<string, string> = {};
  if (hasMore) {
    const last = page[page.length - 1];
    body.nextCursor = encodeCursor(query, last);
    const next = new URLSearchParams(url.searchParams);
    next.set("cursor", body.nextCursor);
    headers.link = `</products?${next}>; rel="next"`;
  }
  return json(200, body, headers);
}

// ---------------------------------------------------------------------------------------------
// SQL: filters, then "after the cursor" as a keyset condition, then ORDER BY … LIMIT n + 1.

function buildSql(query: ListQuery): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };

  const where: string[] = [];
  if (query.status !== undefined) where.push(`status = ${param(query.status)}`);
  if (query.minPrice !== undefined) where.push(`price_cents >= ${param(query.minPrice)}`);
  if (query.maxPrice !== undefined) where.push(`price_cents <= ${param(query.maxPrice)}`);

  // id is always the last key: it is unique, so the order is total and a position is exact.
  const keys = [...query.sort.map((k) => ({ column: SORT_COLUMNS[k.field], descending: k.descending })), { column: "id", descending: false }];

  if (query.after) {
    // "Comes after (v1, v2, id)" with mixed directions, spelled out:
    //   k1 beyond v1
    //   OR (k1 = v1 AND k2 beyond v2)
    //   OR (k1 = v1 AND k2 = v2 AND id > last id)
    // A row comparison (a, b) > (x, y) would be shorter, but only works when every key sorts
    // in the same direction.
    const placeholders = query.after.map((value) => param(value));
    const op = keys[0].descending ? "<" : ">";
    where.push(`(${keys.map((k) => k.column).join(", ")}) ${op} (${placeholders.join(", ")})`);
  }

  const orderBy = keys.map((k) => `${k.column} ${k.descending ? "DESC" : "ASC"}`).join(", ");
  const sql = `SELECT id, name, status, price_cents, created_at
                 FROM products
                ${where.length ? `WHERE ${where.join(" AND ")}` : ""}
                ORDER BY ${orderBy}
                LIMIT ${param(query.limit + 1)}`;
  return { sql, params };
}

function toProduct(row: ProductRow): Product {
  return {
    id: row.id,
    name: row.name,
    status: row.status,
    priceCents: row.price_cents,
    createdAt: row.created_at.toISOString(),
  };
}

// ---------------------------------------------------------------------------------------------
// Cursors: base64url(JSON) of { sort, after: [sort-key values…, id] }. Opaque to clients, but
// not secret and not signed, so everything in it is validated like any other input.

function encodeCursor(query: ListQuery, row: ProductRow): string {
  const values: CursorValues = query.sort.map(({ field }) => {
    if (field === "price") return row.price_cents;
    if (field === "name") return row.name;
    // created_at has millisecond precision, so the ISO string holds the exact value.
    return row.created_at.toISOString();
  });
  return encodeBase64Url(JSON.stringify({ sort: query.sortText, after: [...values, row.id] }));
}

/** The cursor's position for this sort, or an error message. */
function decodeCursor(raw: string, sort: SortKey[], sortText: string): CursorValues | string {
  const text = raw === "" ? undefined : decodeBase64Url(raw);
  if (text === undefined) return "cursor is not valid base64url; pass nextCursor back unchanged.";
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return "cursor is not one this API issued; pass nextCursor back unchanged.";
  }
  if (typeof data !== "object" || data === null || !("sort" in data) || !("after" in data)) {
    return "cursor is not one this API issued; pass nextCursor back unchanged.";
  }
  const { sort: cursorSort, after } = data as { sort: unknown; after: unknown };
  if (cursorSort !== sortText) {
    return "cursor belongs to a different sort; start again without a cursor when you change sort.";
  }
  if (!Array.isArray(after) || after.length !== sort.length + 1) {
    return "cursor is not one this API issued; pass nextCursor back unchanged.";
  }
  const valid =
    sort.every(({ field }, i) => isValidKey(field, after[i])) && isInt(after[sort.length], 1, MAX_INT);
  return valid ? (after as CursorValues) : "cursor is not one this API issued; pass nextCursor back unchanged.";
}

function isValidKey(field: SortField, value: unknown): boolean {
  if (field === "price") return isInt(value, 0, MAX_INT);
  if (field === "name") return typeof value === "string";
  // Only the exact shape toISOString() produces, and a real date.
  return (
    typeof value === "string" &&
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(value) &&
    !Number.isNaN(Date.parse(value)) &&
    new Date(value).toISOString() === value
  );
}

function isInt(value: unknown, min: number, max: number): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= min && value <= max;
}

// ---------------------------------------------------------------------------------------------
// Query-string validation: everything the client sends is unknown until checked.

type Parsed = { ok: true; query: ListQuery } | { ok: false; errors: Record<string, string> };

function parseQuery(search: URLSearchParams): Parsed {
  // No prototype: a parameter called "__proto__" must become an error entry like any other name.
  const errors: Record<string, string> = Object.create(null);

  for (const name of new Set(search.keys())) {
    if (!PARAMS.includes(name)) {
      errors[name] =
        name === "offset" || name === "page"
          ? `${name} is not supported: follow nextCursor to get the next page.`
          : `unknown parameter; allowed: ${PARAMS.join(", ")}.`;
    } else if (search.getAll(name).length > 1) {
      errors[name] = `${name} may be given only once.`;
    }
  }
  const single = (name: string): string | undefined => (errors[name] ? undefined : (search.get(name) ?? undefined));

  const status = single("status");
  if (status !== undefined && !(STATUSES as readonly string[]).includes(status)) {
    errors.status = `status must be one of ${STATUSES.join(", ")}.`;
  }

  const minPrice = parseInteger(single("minPrice"), 0, MAX_INT);
  if (minPrice === null) errors.minPrice = "minPrice must be a whole number of cents, 0 or more.";
  const maxPrice = parseInteger(single("maxPrice"), 0, MAX_INT);
  if (maxPrice === null) errors.maxPrice = "maxPrice must be a whole number of cents, 0 or more.";

  const limit = parseInteger(single("limit"), 1, MAX_LIMIT);
  if (limit === null) errors.limit = `limit must be an integer from 1 to ${MAX_LIMIT}.`;

  const sortText = single("sort") ?? (errors.sort ? undefined : DEFAULT_SORT);
  const sort = sortText === undefined ? undefined : parseSort(sortText);
  if (typeof sort === "string") errors.sort = sort;

  // A cursor only means something for a known sort: check it once the sort is valid.
  const rawCursor = single("cursor");
  let after: CursorValues | undefined;
  if (rawCursor !== undefined && Array.isArray(sort) && sortText !== undefined) {
    const decoded = decodeCursor(rawCursor, sort, sortText);
    if (typeof decoded === "string") errors.cursor = decoded;
    else after = decoded;
  }

  if (Object.keys(errors).length > 0 || !Array.isArray(sort) || sortText === undefined) {
    return { ok: false, errors };
  }
  return {
    ok: true,
    query: {
      status,
      minPrice: minPrice ?? undefined,
      maxPrice: maxPrice ?? undefined,
      sort,
      sortText,
      limit: limit ?? DEFAULT_LIMIT,
      after,
    },
  };
}

/** Absent → undefined; digits only and within [min, max] → the number; anything else → null. */
function parseInteger(raw: string | undefined, min: number, max: number): number | undefined | null {
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw)) return null;
  const value = Number(raw);
  return value >= min && value <= max ? value : null;
}

/** "-price,name" → keys, or an error message. */
function parseSort(text: string): SortKey[] | string {
  const allowed = Object.keys(SORT_COLUMNS).join(", ");
  const keys: SortKey[] = [];
  for (const part of text.split(",")) {
    const descending = part.startsWith("-");
    const field = descending ? part.slice(1) : part;
    if (!Object.hasOwn(SORT_COLUMNS, field)) {
      return `sort must list fields from ${allowed}, each optionally prefixed with "-"; got "${part}".`;
    }
    if (keys.some((k) => k.field === field)) return `sort lists "${field}" twice.`;
    keys.push({ field: field as SortField, descending });
  }
  return keys;
}

// ---------------------------------------------------------------------------------------------
// Responses.

const TITLES: Record<number, string> = { 400: "Bad Request", 404: "Not Found", 405: "Method Not Allowed", 500: "Internal Server Error" };

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });
}

function problem(
  status: number,
  fields: { detail: string; type?: string; title?: string; errors?: Record<string, string> },
  headers: Record<string, string> = {},
): Response {
  const body: Problem = {
    type: fields.type ?? "about:blank",
    title: fields.title ?? TITLES[status] ?? "Error",
    status,
    detail: fields.detail,
    ...(fields.errors ? { errors: fields.errors } : {}),
  };
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/problem+json", ...headers },
  });
}
