import type { Db } from "@roadlab/db";

/** A customer as the API shows it. Note the camelCase and the ISO string: this is not the row. */
export interface Customer {
  id: number;
  name: string;
  email: string;
  /** `created_at` as an ISO 8601 string, e.g. "2024-03-01T09:00:00.000Z". */
  createdAt: string;
}

/** One page of `GET /customers`. */
export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

/** An RFC 9457 problem details body, sent with `content-type: application/problem+json`. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  /** Field name → what is wrong with it. Only on validation problems. */
  errors?: Record<string, string>;
}

export const DEFAULT_LIMIT = 10;
export const MAX_LIMIT = 100;

/** Methods each path accepts, in the order the `Allow` header lists them. */
const COLLECTION_METHODS = ["GET", "POST"];
const ITEM_METHODS = ["GET", "PUT", "DELETE"];

/** The largest value a Postgres `integer` column can hold: bigger ids cannot exist. */
const MAX_ID = 2_147_483_647;
const MAX_NAME_LENGTH = 100;
const MAX_EMAIL_LENGTH = 254;
/** Deliberately loose: "something@something.something", no spaces. Real proof is a confirmation mail. */
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Builds the customers API as a web-standard handler: a Request goes in, a Response comes out.
 * The returned function never rejects; anything unexpected becomes a 500 problem.
 */
export function createHandler(db: Db): (req: Request) => Promise<Response> {
  return async (req) => {
    try {
      return await route(db, req);
    } catch {
      // A real server would log the error here with a request id. The client learns nothing about
      // our internals: no SQL, no stack trace, no driver message.
      return problem(500, { detail: "Something went wrong on our side. Please try again later." });
    }
  };
}

// ---------------------------------------------------------------------------------------------
// Routing: path first (404 if nothing lives there), then method (405 if the path exists).

async function route(db: Db, req: Request): Promise<Response> {
  const url = new URL(req.url);
  const path = url.pathname;

  if (path === "/customers") {
    switch (req.method) {
      case "GET":
        return listCustomers(db, url.searchParams);
      case "POST":
        return createCustomer(db, req);
      default:
        return methodNotAllowed(req.method, path, COLLECTION_METHODS);
    }
  }

  const match = /^\/customers\/([^/]+)$/.exec(path);
  if (match) {
    const id = parseId(match[1]);
    // "/customers/abc" names no resource, so it is a 404 like any other URL with nothing behind it.
    if (id === undefined) return notFound(`There is no customer at ${path}.`);
    switch (req.method) {
      case "GET":
        return getCustomer(db, id);
      case "PUT":
        return replaceCustomer(db, id, req);
      case "DELETE":
        return deleteCustomer(db, id);
      default:
        return methodNotAllowed(req.method, path, ITEM_METHODS);
    }
  }

  return notFound(`No route matches ${path}.`);
}

/** A positive integer that fits the `integer` id column, or undefined. */
function parseId(segment: string): number | undefined {
  if (!/^\d+$/.test(segment)) return undefined;
  const id = Number(segment);
  return id >= 1 && id <= MAX_ID ? id : undefined;
}

// ---------------------------------------------------------------------------------------------
// Handlers, one per route.

interface CustomerRow {
  id: number;
  name: string;
  email: string;
  created_at: Date;
}

const COLUMNS = "id, name, email, created_at";

async function listCustomers(db: Db, params: URLSearchParams): Promise<Response> {
  const page = parsePagination(params);
  if (!page.ok) return validationProblem("The query string has invalid values.", page.errors);

  const { rows } = await db.query<CustomerRow>(
    `SELECT ${COLUMNS} FROM customers ORDER BY id LIMIT $1 OFFSET $2`,
    [page.limit, page.offset],
  );
  // count(*) is bigint; the cast keeps it a JS number.
  const { rows: counted } = await db.query<{ total: number }>("SELECT count(*)::int AS total FROM customers");

  const body: Page<Customer> = {
    items: rows.map(toCustomer),
    total: counted[0].total,
    limit: page.limit,
    offset: page.offset,
  };
  return json(200, body);
}

async function getCustomer(db: Db, id: number): Promise<Response> {
  const { rows } = await db.query<CustomerRow>(`SELECT ${COLUMNS} FROM customers WHERE id = ${id}`);
  return rows.length ? json(200, toCustomer(rows[0])) : customerNotFound(id);
}

async function createCustomer(db: Db, req: Request): Promise<Response> {
  const input = await readCustomerInput(req);
  if (!input.ok) return input.response;

  try {
    const { rows } = await db.query<CustomerRow>(
      `INSERT INTO customers (name, email) VALUES ($1, $2) RETURNING ${COLUMNS}`,
      [input.value.name, input.value.email],
    );
    const customer = toCustomer(rows[0]);
    return json(201, customer, { location: `/customers/${customer.id}` });
  } catch (err) {
    // Let the unique index decide: a SELECT-then-INSERT check would race with a concurrent insert.
    if (isUniqueViolation(err)) return emailTaken(input.value.email);
    throw err;
  }
}

/** PUT replaces the whole representation: both fields are required, exactly as for POST. */
async function replaceCustomer(db: Db, id: number, req: Request): Promise<Response> {
  const input = await readCustomerInput(req);
  if (!input.ok) return input.response;

  try {
    const { rows } = await db.query<CustomerRow>(
      `UPDATE customers SET name = $2, email = $3 WHERE id = $1 RETURNING ${COLUMNS}`,
      [id, input.value.name, input.value.email],
    );
    return rows.length ? json(200, toCustomer(rows[0])) : customerNotFound(id);
  } catch (err) {
    if (isUniqueViolation(err)) return emailTaken(input.value.email);
    throw err;
  }
}

async function deleteCustomer(db: Db, id: number): Promise<Response> {
  const { rows } = await db.query(`DELETE FROM customers WHERE id = ${id} RETURNING id`);
  return rows.length ? new Response(null, { status: 204 }) : customerNotFound(id);
}

function toCustomer(row: CustomerRow): Customer {
  return { id: row.id, name: row.name, email: row.email, createdAt: row.created_at.toISOString() };
}

// ---------------------------------------------------------------------------------------------
// Validation at the boundary: everything from the client is `unknown` until proven otherwise.

type Result<T> = ({ ok: true } & T) | { ok: false; errors: Record<string, string> };

interface CustomerInput {
  name: string;
  email: string;
}

function parsePagination(params: URLSearchParams): Result<{ limit: number; offset: number }> {
  const errors: Record<string, string> = {};

  const limit = parseNonNegativeInteger(params.get("limit"), DEFAULT_LIMIT);
  if (limit === undefined || limit < 1 || limit > MAX_LIMIT) {
    errors.limit = `limit must be an integer from 1 to ${MAX_LIMIT}.`;
  }
  const offset = parseNonNegativeInteger(params.get("offset"), 0);
  if (offset === undefined) errors.offset = "offset must be an integer of 0 or more.";

  if (limit === undefined || offset === undefined || Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, limit, offset };
}

/** Absent → the fallback. Present → digits only ("2.5", "-1", "1e3" and "" are all rejected). */
function parseNonNegativeInteger(raw: string | null, fallback: number): number | undefined {
  if (raw === null) return fallback;
  if (!/^\d+$/.test(raw)) return undefined;
  const value = Number(raw);
  return Number.isSafeInteger(value) ? value : undefined;
}

/** Reads and validates a customer body, or gives the 400 response to send instead. */
async function readCustomerInput(
  req: Request,
): Promise<{ ok: true; value: CustomerInput } | { ok: false; response: Response }> {
  let body: unknown;
  try {
    body = JSON.parse(await req.text());
  } catch {
    const response = problem(400, {
      type: "/problems/invalid-json",
      title: "Malformed JSON",
      detail: "The request body is not valid JSON.",
    });
    return { ok: false, response };
  }

  const input = validateCustomerInput(body);
  if (!input.ok) return { ok: false, response: validationProblem("The customer has invalid fields.", input.errors) };
  return { ok: true, value: input.value };
}

function validateCustomerInput(body: unknown): Result<{ value: CustomerInput }> {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return { ok: false, errors: { body: "The request body must be a JSON object." } };
  }
  const fields = body as Record<string, unknown>;
  const errors: Record<string, string> = {};

  const name = typeof fields.name === "string" ? fields.name.trim() : undefined;
  if (fields.name === undefined || fields.name === null) errors.name = "name is required.";
  else if (name === undefined) errors.name = "name must be a string.";
  else if (name === "") errors.name = "name must not be blank.";
  else if (name.length > MAX_NAME_LENGTH) errors.name = `name must be at most ${MAX_NAME_LENGTH} characters.`;

  const email = typeof fields.email === "string" ? fields.email.trim() : undefined;
  if (fields.email === undefined || fields.email === null) errors.email = "email is required.";
  else if (email === undefined) errors.email = "email must be a string.";
  else if (email.length > MAX_EMAIL_LENGTH || !EMAIL_PATTERN.test(email)) {
    errors.email = "email must look like an email address, e.g. ada@example.com.";
  }

  if (name === undefined || email === undefined || Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, value: { name, email } };
}

function isUniqueViolation(err: unknown): boolean {
  return typeof err === "object" && err !== null && (err as { code?: unknown }).code === "23505";
}

// ---------------------------------------------------------------------------------------------
// Responses.

const STATUS_TITLES: Record<number, string> = {
  400: "Bad Request",
  404: "Not Found",
  405: "Method Not Allowed",
  409: "Conflict",
  500: "Internal Server Error",
};

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", ...headers },
  });
}

/**
 * A problem details response. `type` defaults to "about:blank", which RFC 9457 defines as
 * "nothing beyond the status code"; its title is then the status code's standard phrase.
 */
function problem(
  status: number,
  fields: { detail: string; type?: string; title?: string; errors?: Record<string, string> },
  headers: Record<string, string> = {},
): Response {
  const body: Problem = {
    type: fields.type ?? "about:blank",
    title: fields.title ?? STATUS_TITLES[status] ?? "Error",
    status,
    detail: fields.detail,
    ...(fields.errors ? { errors: fields.errors } : {}),
  };
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/problem+json", ...headers },
  });
}

function validationProblem(detail: string, errors: Record<string, string>): Response {
  return problem(400, { type: "/problems/validation", title: "Invalid request", detail, errors });
}

function notFound(detail: string): Response {
  return problem(404, { detail });
}

function customerNotFound(id: number): Response {
  return notFound(`Customer ${id} does not exist.`);
}

function methodNotAllowed(method: string, path: string, allowed: string[]): Response {
  return problem(405, { detail: `${method} is not supported on ${path}.` }, { allow: allowed.join(", ") });
}

function emailTaken(email: string): Response {
  return problem(409, {
    type: "/problems/email-taken",
    title: "Email already in use",
    detail: `Another customer already uses ${email}.`,
  });
}
