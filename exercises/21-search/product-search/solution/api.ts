import { Hono } from "hono";
import type { CatalogIndex } from "./catalog-index";
import { DEFAULT_PER_PAGE, MAX_PER_PAGE, MAX_QUERY_LENGTH, type Problem, type SearchQuery } from "./types";

const KNOWN = new Set(["q", "category", "brand", "inStock", "minPrice", "maxPrice", "page", "perPage"]);

function problem(errors: Record<string, string>): Response {
  const body: Problem = {
    type: "about:blank",
    title: "Invalid search parameters",
    status: 400,
    detail: Object.entries(errors).map(([k, v]) => `${k}: ${v}`).join("; "),
    errors,
  };
  return new Response(JSON.stringify(body), { status: 400, headers: { "content-type": "application/problem+json" } });
}

function integer(raw: string, min: number, max: number): number | undefined {
  if (!/^\d+$/.test(raw)) return undefined;
  const n = Number(raw);
  return n >= min && n <= max ? n : undefined;
}

/** Parses and checks the query string; every problem is collected before answering. */
export function parseQuery(
  params: URLSearchParams,
): { ok: true; query: SearchQuery } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  for (const name of new Set(params.keys())) {
    if (!KNOWN.has(name)) errors[name] = "unknown parameter";
    else if (params.getAll(name).length > 1) errors[name] = "given more than once";
  }
  const get = (name: string) => (errors[name] ? undefined : (params.get(name) ?? undefined));

  const query: SearchQuery = { q: "", page: 1, perPage: DEFAULT_PER_PAGE };
  const q = get("q")?.trim();
  if (!q) errors.q ??= "required, a non-empty search text";
  else if (q.length > MAX_QUERY_LENGTH) errors.q = `at most ${MAX_QUERY_LENGTH} characters`;
  else query.q = q;

  for (const name of ["category", "brand"] as const) {
    const value = get(name);
    if (value === "") errors[name] = "must not be empty";
    else if (value !== undefined) query[name] = value;
  }
  const inStock = get("inStock");
  if (inStock === "true" || inStock === "false") query.inStock = inStock === "true";
  else if (inStock !== undefined) errors.inStock = 'expected "true" or "false"';

  for (const name of ["minPrice", "maxPrice"] as const) {
    const raw = get(name);
    if (raw === undefined) continue;
    const n = integer(raw, 0, Number.MAX_SAFE_INTEGER);
    if (n === undefined) errors[name] = "expected a whole number of cents, 0 or more";
    else query[name] = n;
  }
  if (query.minPrice !== undefined && query.maxPrice !== undefined && query.minPrice > query.maxPrice) {
    errors.maxPrice = "must not be below minPrice";
  }

  const page = get("page");
  if (page !== undefined) {
    const n = integer(page, 1, Number.MAX_SAFE_INTEGER);
    if (n === undefined) errors.page = "expected a whole number from 1";
    else query.page = n;
  }
  const perPage = get("perPage");
  if (perPage !== undefined) {
    const n = integer(perPage, 1, MAX_PER_PAGE);
    if (n === undefined) errors.perPage = `expected a whole number from 1 to ${MAX_PER_PAGE}`;
    else query.perPage = n;
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, query };
}

/** GET /search over the index. It never reads the database: the index answers alone. */
export function createSearchApp(index: CatalogIndex): Hono {
  const app = new Hono();
  app.get("/search", (c) => {
    const parsed = parseQuery(new URL(c.req.url).searchParams);
    return parsed.ok ? c.json(index.search(parsed.query)) : problem(parsed.errors);
  });
  return app;
}
