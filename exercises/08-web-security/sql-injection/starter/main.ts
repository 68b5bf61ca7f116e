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
 * Searches customers.
 *
 * ⚠ This works for ordinary searches, and it is wide open to SQL injection: every value from the
 * client is pasted into the SQL text. Fix it without changing what legitimate searches return.
 */
export async function searchCustomers(db: Db, params: SearchParams): Promise<Customer[]> {
  const q = params.q ?? "";
  const sort = params.sort ?? "name";
  const dir = params.dir ?? "asc";
  const limit = params.limit ?? "20";
  // TODO: validate sort, dir and limit against allow-lists (BadRequestError otherwise), and reject
  // a q longer than 100 characters. Map the public sort key "joined" to the created_at column.

  let sql = "SELECT id, name, email, city FROM customers WHERE 1 = 1";
  // TODO: values become $1, $2, … parameters. Inside a LIKE pattern, also escape \ % and _.
  if (q !== "") sql += " AND (name ILIKE '%" + q + "%' OR email ILIKE '%" + q + "%')";
  if (params.city !== undefined) sql += " AND city = '" + params.city + "'";
  // TODO: identifiers and ASC/DESC can't be parameters: paste only text chosen from your allow-list.
  sql += " ORDER BY " + sort + " " + dir + ", id ASC LIMIT " + limit;

  // TODO: use db.query(sql, values). db.exec runs the text as-is, with as many statements as it
  // contains, like a driver's query(text) without values.
  const [result] = await db.exec(sql);
  return result.rows as Customer[];
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
    // TODO: this hands the database's own error message to the client. Log it instead, and
    // answer with a generic message.
    return json(500, { error: (error as Error).message });
  }
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
}
