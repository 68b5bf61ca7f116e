import type { Db } from "@roadlab/db";

/** One search result. Only these columns ever leave the database. */
export interface Customer {
  id: number;
  name: string;
  email: string;
  city: string;
}

/** The raw query-string values, exactly as the client sent them: untrusted text. */
export interface SearchParams {
  /** Case-insensitive substring of the name or the email. */
  q?: string;
  /** Exact city. */
  city?: string;
  /** "name" (default), "city" or "joined". */
  sort?: string;
  /** "asc" (default) or "desc". */
  dir?: string;
  /** "1" to "100"; default "20". */
  limit?: string;
}

/** The client asked for something invalid: answer 400 with this message. */
export class BadRequestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BadRequestError";
  }
}

/**
 * Public sort keys → SQL. Identifiers and keywords cannot be `$n` parameters, so the only safe
 * way to let a client choose them is to pick from text written here, never from the request.
 */
const SORT_COLUMNS = new Map([
  ["name", "name"],
  ["city", "city"],
  ["joined", "created_at"],
]);
const DIRECTIONS = new Map([
  ["asc", "ASC"],
  ["desc", "DESC"],
]);
const MAX_LIMIT = 100;
const MAX_QUERY_LENGTH = 100;

/** Searches customers. Every value travels as a parameter; sort and direction come from allow-lists. */
export async function searchCustomers(db: Db, params: SearchParams): Promise<Customer[]> {
  const { q = "", city, sort = "name", dir = "asc", limit = "20" } = params;

  // A Map, not an object literal: SORT_COLUMNS["constructor"] would find Object.prototype's.
  const column = SORT_COLUMNS.get(sort);
  if (!column) throw new BadRequestError(`sort must be one of: ${[...SORT_COLUMNS.keys()].join(", ")}`);
  const direction = DIRECTIONS.get(dir);
  if (!direction) throw new BadRequestError("dir must be asc or desc");
  if (!/^[0-9]{1,3}$/.test(limit) || Number(limit) > MAX_LIMIT) {
    throw new BadRequestError(`limit must be a whole number from 1 to ${MAX_LIMIT}`);
  }
  if (q.length > MAX_QUERY_LENGTH) throw new BadRequestError(`q must be at most ${MAX_QUERY_LENGTH} characters`);

  const values: unknown[] = [];
  const param = (value: unknown) => {
    values.push(value);
    return `$${values.length}`;
  };

  const where: string[] = [];
  if (q !== "") {
    // Parameters stop SQL injection, but inside a LIKE pattern % and _ are still wildcards.
    const pattern = param(`%${escapeLike(q)}%`);
    where.push(`(name ILIKE ${pattern} ESCAPE '\\' OR email ILIKE ${pattern} ESCAPE '\\')`);
  }
  if (city !== undefined) where.push(`city = ${param(city)}`);

  const sql = [
    "SELECT id, name, email, city FROM customers",
    where.length > 0 ? `WHERE ${where.join(" AND ")}` : "",
    // Only allow-listed text is pasted here. id breaks ties, so pages are stable.
    `ORDER BY ${column} ${direction}, id ASC`,
    `LIMIT ${param(Number(limit))}`,
  ].join(" ");

  // db.query sends SQL and values separately, and runs exactly one statement.
  const { rows } = await db.query<Customer>(sql, values);
  return rows;
}

/** GET /customers?q=…&city=…&sort=…&dir=…&limit=… → 200 { customers } | 400 { error } | 500 { error }. */
export async function handleSearch(db: Db, req: Request): Promise<Response> {
  const query = new URL(req.url).searchParams;
  const params: SearchParams = {};
  for (const key of ["q", "city", "sort", "dir", "limit"] as const) {
    const value = query.get(key);
    if (value !== null) params[key] = value;
  }
  try {
    return json(200, { customers: await searchCustomers(db, params) });
  } catch (error) {
    if (error instanceof BadRequestError) return json(400, { error: error.message });
    // Database messages describe your schema and your SQL: log them, never send them.
    console.error("search failed", error);
    return json(500, { error: "internal server error" });
  }
}

/** Makes \, % and _ match themselves in a LIKE pattern (with ESCAPE '\'). */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
}
