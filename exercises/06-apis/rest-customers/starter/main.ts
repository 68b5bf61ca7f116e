import type { Db } from "@roadlab/db";

/** A customer as the API shows it. Note the camelCase and the ISO string: this is not the row. */
export interface Customer {
  id: number;
  name: string;
  email: string;
  /** `created_at` as an ISO 8601 string, e.g. "2024-03-01T09:00:00.000Z" (use `toISOString()`). */
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

/**
 * Builds the customers API as a web-standard handler: a Request goes in, a Response comes out.
 *
 *   GET    /customers?limit=&offset=  → 200 Page<Customer>          (400 on a bad limit/offset)
 *   POST   /customers                 → 201 Customer + Location     (400 invalid, 409 email taken)
 *   GET    /customers/:id             → 200 Customer                (404)
 *   PUT    /customers/:id             → 200 Customer                (400, 404, 409)
 *   DELETE /customers/:id             → 204, empty body             (404)
 *   any other path → 404; a known path with another method → 405 + Allow header.
 *
 * Success bodies are `application/json`; every error is an `application/problem+json` Problem.
 * The returned function must never reject: turn unexpected errors into a 500 problem.
 * README.md has the full contract (validation rules, problem types, edge cases).
 */
export function createHandler(db: Db): (req: Request) => Promise<Response> {
  // TODO: return an async (req) => Response function that:
  //   1. parses the path with `new URL(req.url).pathname`;
  //   2. picks the route by path first (404 if none), then by `req.method` (405 + Allow if wrong);
  //   3. validates the query string or JSON body before touching the database;
  //   4. runs parameterised SQL with `db.query(sql, params)` and maps rows to `Customer`;
  //   5. catches Postgres error code "23505" (unique violation) and answers 409;
  //   6. wraps everything in try/catch so nothing unexpected escapes as a rejection.
  // Small helpers such as json(status, body, headers) and problem(status, fields) will pay off.
  throw new Error("TODO: implement createHandler");
}
