import { beforeEach, describe, expect, it } from "vitest";
import { createDb, type Db } from "@roadlab/db";
import { createHandler } from "../main";

let db: Db;
let handler: (req: Request) => Promise<Response>;
/** Every SQL text the handler sent, so a test can check that client values travel as parameters. */
let sqlTexts: string[];

beforeEach(async () => {
  db = await createDb();
  sqlTexts = [];
  handler = createHandler(recording(db));
});

/** The same database, noting the SQL text of every query and exec (in transactions too). */
function recording<T extends Pick<Db, "query" | "exec">>(target: T): T {
  return new Proxy(target, {
    get(obj, key, receiver) {
      const value = Reflect.get(obj, key, receiver);
      if (key === "query" || key === "exec") {
        return (sql: string, ...rest: unknown[]) => {
          sqlTexts.push(String(sql));
          return (value as (...args: unknown[]) => unknown).call(obj, sql, ...rest);
        };
      }
      if (key === "transaction") {
        return (fn: (tx: any) => unknown) => (value as Db["transaction"]).call(obj, (tx) => fn(recording(tx)) as Promise<unknown>);
      }
      return typeof value === "function" ? value.bind(obj) : value;
    },
  });
}

/**
 * The same database, but the first `parties` queries wait for each other and then run together:
 * two requests reach the database side by side in both runtimes, as they would under load.
 * (Released after a second anyway, so code that sends fewer queries does not hang.)
 */
function sideBySide<T extends Pick<Db, "query">>(target: T, parties: number): T {
  const waiting: (() => void)[] = [];
  let open = false;
  const release = () => {
    open = true;
    for (const go of waiting.splice(0)) go();
  };
  const timer = setTimeout(release, 1000);
  return new Proxy(target, {
    get(obj, key, receiver) {
      const value = Reflect.get(obj, key, receiver);
      if (key !== "query") return typeof value === "function" ? value.bind(obj) : value;
      return async (...args: unknown[]) => {
        if (!open) {
          await new Promise<void>((resolve) => {
            waiting.push(resolve);
            if (waiting.length >= parties) {
              clearTimeout(timer);
              release();
            }
          });
        }
        return (value as (...a: unknown[]) => unknown).apply(obj, args);
      };
    },
  });
}

/** Asserts that no SQL text sent so far contains `value`: it must have gone in as a $n parameter. */
function expectNotInSql(value: string): void {
  const leaked = sqlTexts.find((sql) => sql.includes(value));
  expect(leaked, `the client's value ${JSON.stringify(value)} was written into the SQL text; pass it as a $n parameter`).toBeUndefined();
}

interface Sent {
  res: Response;
  /** The parsed JSON body, or undefined when the body is empty. */
  body: any;
  text: string;
}

/** Sends one request. An object body is JSON-encoded; a string body is sent as is (for bad JSON). */
async function send(method: string, path: string, body?: unknown): Promise<Sent> {
  const init: RequestInit = { method };
  if (body !== undefined) {
    init.body = typeof body === "string" ? body : JSON.stringify(body);
    init.headers = { "content-type": "application/json" };
  }
  const res = await handler(new Request(`http://localhost${path}`, init));
  const text = await res.text();
  let parsed: unknown;
  if (text !== "") {
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new Error(`${method} ${path} answered ${res.status} with a body that is not JSON: ${text.slice(0, 200)}`);
    }
  }
  return { res, body: parsed, text };
}

/** Asserts an RFC 9457 problem response with the given status. */
function expectProblem({ res, body }: Sent, status: number): void {
  expect(res.status, "status code").toBe(status);
  expect(res.headers.get("content-type") ?? "", "content-type of an error").toMatch(/^application\/problem\+json/);
  expect(body, "problem body").toMatchObject({
    type: expect.any(String),
    title: expect.any(String),
    status,
    detail: expect.any(String),
  });
}

/** A plain problem (RFC 9457 §4.2.1): type about:blank, and the status code's standard phrase as title. */
function expectPlainProblem(sent: Sent, status: number, title: string): void {
  expectProblem(sent, status);
  expect({ type: sent.body.type, title: sent.body.title }, "a plain problem").toEqual({ type: "about:blank", title });
}

function expectJson(res: Response, status: number): void {
  expect(res.status, "status code").toBe(status);
  expect(res.headers.get("content-type") ?? "", "content-type").toMatch(/^application\/json/);
}

async function countCustomers(): Promise<number> {
  const { rows } = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM customers");
  return rows[0].n;
}

async function customerRow(id: number) {
  const { rows } = await db.query<{ id: number; name: string; email: string }>(
    "SELECT id, name, email FROM customers WHERE id = $1",
    [id],
  );
  return rows[0];
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe("GET /customers", () => {
  it("returns the first 10 customers ordered by id, with the total", async () => {
    const sent = await send("GET", "/customers");
    expectJson(sent.res, 200);
    expect(sent.body).toMatchObject({ total: 25, limit: 10, offset: 0 });
    expect(sent.body.items.map((c: { id: number }) => c.id)).toEqual(range(1, 10));
  });

  it("honours limit and offset", async () => {
    const sent = await send("GET", "/customers?limit=5&offset=20");
    expectJson(sent.res, 200);
    expect(sent.body).toMatchObject({ total: 25, limit: 5, offset: 20 });
    expect(sent.body.items.map((c: { id: number }) => c.id)).toEqual(range(21, 25));

    const last = await send("GET", "/customers?limit=5&offset=23");
    expect(last.body.items.map((c: { id: number }) => c.id)).toEqual([24, 25]);
  });

  it("gives an empty page, not an error, past the end", async () => {
    const sent = await send("GET", "/customers?offset=500");
    expectJson(sent.res, 200);
    expect(sent.body).toEqual({ items: [], total: 25, limit: 10, offset: 500 });
  });

  it("accepts the maximum limit of 100", async () => {
    const sent = await send("GET", "/customers?limit=100");
    expectJson(sent.res, 200);
    expect(sent.body.items).toHaveLength(25);
    expect(sent.body.limit).toBe(100);
  });

  it.each([
    ["limit=0", "limit"],
    ["limit=101", "limit"],
    ["limit=-1", "limit"],
    ["limit=abc", "limit"],
    ["limit=2.5", "limit"],
    ["limit=", "limit"],
    ["offset=-1", "offset"],
    ["offset=ten", "offset"],
  ])("rejects ?%s with a 400 problem naming %s", async (query, field) => {
    const sent = await send("GET", `/customers?${query}`);
    expectProblem(sent, 400);
    expect(Object.keys(sent.body.errors ?? {}), "fields listed in errors").toContain(field);
  });
});

describe("GET /customers/:id", () => {
  it("returns one customer with camelCase fields and an ISO createdAt", async () => {
    const sent = await send("GET", "/customers/3");
    expectJson(sent.res, 200);
    expect(sent.body).toEqual({
      id: 3,
      name: "Grace Hopper",
      email: "grace@example.com",
      createdAt: "2024-03-03T09:00:00.000Z",
    });
  });

  it("answers 404 with a problem for an id that does not exist", async () => {
    expectPlainProblem(await send("GET", "/customers/999"), 404, "Not Found");
  });

  it.each(["abc", "1abc", "1.5", "-1", "99999999999"])(
    "answers 404 for the non-id segment /customers/%s (no such resource)",
    async (segment) => {
      expectPlainProblem(await send("GET", `/customers/${segment}`), 404, "Not Found");
    },
  );
});

describe("POST /customers", () => {
  it("creates a customer: 201, Location header and the stored representation", async () => {
    const sent = await send("POST", "/customers", { name: "Katherine Johnson", email: "katherine@example.com" });
    expectJson(sent.res, 201);
    expect(sent.res.headers.get("location")).toBe("/customers/26");
    expect(sent.body).toMatchObject({ id: 26, name: "Katherine Johnson", email: "katherine@example.com" });
    expect(typeof sent.body.createdAt, "createdAt should be an ISO string").toBe("string");
    expect(Number.isNaN(Date.parse(sent.body.createdAt)), "createdAt should parse as a date").toBe(false);

    expect(await customerRow(26)).toEqual({ id: 26, name: "Katherine Johnson", email: "katherine@example.com" });
    expect(await countCustomers()).toBe(26);

    const fetched = await send("GET", "/customers/26");
    expect(fetched.body).toEqual(sent.body);
  });

  it("trims whitespace around name and email before storing", async () => {
    const sent = await send("POST", "/customers", { name: "  Hedy Lamarr ", email: " hedy@example.com  " });
    expect(sent.res.status).toBe(201);
    expect(sent.body).toMatchObject({ name: "Hedy Lamarr", email: "hedy@example.com" });
    expect(await customerRow(sent.body.id)).toMatchObject({ name: "Hedy Lamarr", email: "hedy@example.com" });
  });

  it("ignores unknown extra fields, including an id or createdAt the client tries to set", async () => {
    const sent = await send("POST", "/customers", {
      name: "Mary Jackson",
      email: "mary@example.com",
      id: 999,
      createdAt: "2000-01-01T00:00:00.000Z",
      nickname: "MJ",
    });
    expectJson(sent.res, 201);
    expect(sent.body).toMatchObject({ id: 26, name: "Mary Jackson", email: "mary@example.com" });
    expect(sent.body.createdAt).not.toBe("2000-01-01T00:00:00.000Z");
    expect(Object.keys(sent.body).sort()).toEqual(["createdAt", "email", "id", "name"]);
  });

  it("stores names with quotes and SQL in them as plain text, sent as parameters", async () => {
    const name = "Robert'); DROP TABLE customers; -- O'Brien";
    const email = "o'brien@example.com";
    const sent = await send("POST", "/customers", { name, email });
    expectJson(sent.res, 201);
    expect(await customerRow(sent.body.id)).toEqual({ id: sent.body.id, name, email });
    expect(await countCustomers()).toBe(26);
    expectNotInSql("O'Brien");
    expectNotInSql("o''brien");
    expectNotInSql("brien@example.com");
  });

  it("gives one of two simultaneous POSTs with the same new email a 409, not a 500", async () => {
    const body = { name: "Twin", email: "twin@example.com" };
    handler = createHandler(sideBySide(db, 2));
    const both = await Promise.all([send("POST", "/customers", body), send("POST", "/customers", body)]);
    const statuses = both.map((s) => s.res.status).sort();
    expect(statuses, "statuses of the two POSTs (sorted)").toEqual([201, 409]);
    expect(await countCustomers()).toBe(26);
  });

  it("answers 400 for a body that is not valid JSON and stores nothing", async () => {
    const sent = await send("POST", "/customers", '{"name": "Ada", ');
    expectProblem(sent, 400);
    expect(sent.body.type).toBe("/problems/invalid-json");
    expect(await countCustomers()).toBe(25);
  });

  it.each([
    ["an empty object", {}, ["email", "name"]],
    ["a blank name", { name: "   ", email: "x@example.com" }, ["name"]],
    ["a numeric name", { name: 42, email: "x@example.com" }, ["name"]],
    ["a 101-character name", { name: "n".repeat(101), email: "x@example.com" }, ["name"]],
    ["a missing email", { name: "Ok" }, ["email"]],
    ["a null email", { name: "Ok", email: null }, ["email"]],
    ["an email without @", { name: "Ok", email: "not-an-email" }, ["email"]],
    ["an email without a dot in the domain", { name: "Ok", email: "a@b" }, ["email"]],
    ["an email with a space", { name: "Ok", email: "a b@example.com" }, ["email"]],
    ["both fields wrong", { name: "", email: 7 }, ["email", "name"]],
  ])("answers 400 with per-field errors for %s", async (_label, body, fields) => {
    const sent = await send("POST", "/customers", body);
    expectProblem(sent, 400);
    expect(sent.body.type).toBe("/problems/validation");
    expect(Object.keys(sent.body.errors ?? {}).sort(), "fields listed in errors").toEqual(fields);
    for (const field of fields) expect(typeof sent.body.errors[field], `errors.${field}`).toBe("string");
    expect(await countCustomers()).toBe(25);
  });

  it.each([
    ["an array", "[]"],
    ["null", "null"],
    ["a string", '"Ada"'],
  ])("answers 400 when the JSON body is %s instead of an object", async (_label, raw) => {
    const sent = await send("POST", "/customers", raw);
    expectProblem(sent, 400);
    expect(await countCustomers()).toBe(25);
  });

  it("answers 409 when the email is already taken, and stores nothing", async () => {
    const sent = await send("POST", "/customers", { name: "Another Ada", email: "ada@example.com" });
    expectProblem(sent, 409);
    expect(sent.body.type).toBe("/problems/email-taken");
    expect(await countCustomers()).toBe(25);
  });
});

describe("PUT /customers/:id", () => {
  it("replaces name and email and returns the updated customer", async () => {
    const sent = await send("PUT", "/customers/2", { name: "Alan M. Turing", email: "turing@example.com" });
    expectJson(sent.res, 200);
    expect(sent.body).toEqual({
      id: 2,
      name: "Alan M. Turing",
      email: "turing@example.com",
      createdAt: "2024-03-02T09:00:00.000Z",
    });
    expect(await customerRow(2)).toEqual({ id: 2, name: "Alan M. Turing", email: "turing@example.com" });
    expect(await countCustomers()).toBe(25);
  });

  it("lets a customer keep their own email", async () => {
    const sent = await send("PUT", "/customers/1", { name: "Augusta Ada King", email: "ada@example.com" });
    expectJson(sent.res, 200);
    expect(await customerRow(1)).toEqual({ id: 1, name: "Augusta Ada King", email: "ada@example.com" });
  });

  it("answers 409 when taking another customer's email, leaving the row unchanged", async () => {
    const sent = await send("PUT", "/customers/2", { name: "Alan Turing", email: "grace@example.com" });
    expectProblem(sent, 409);
    expect(await customerRow(2)).toEqual({ id: 2, name: "Alan Turing", email: "alan@example.com" });
  });

  it("answers 404 for a customer that does not exist", async () => {
    const sent = await send("PUT", "/customers/999", { name: "Nobody", email: "nobody@example.com" });
    expectProblem(sent, 404);
    expect(await countCustomers()).toBe(25);
  });

  it("checks the body before looking the customer up: a bad body for a missing id is 400, not 404", async () => {
    const sent = await send("PUT", "/customers/999", { name: "", email: "nobody@example.com" });
    expectProblem(sent, 400);
    expect(sent.body.type).toBe("/problems/validation");
    expect(Object.keys(sent.body.errors ?? {})).toEqual(["name"]);
  });

  it("sends the new values and the id as parameters, and the list stays ordered by id after an update", async () => {
    const sent = await send("PUT", "/customers/2", { name: "Alan O'Turing", email: "o'turing@example.com" });
    expectJson(sent.res, 200);
    expect(await customerRow(2)).toEqual({ id: 2, name: "Alan O'Turing", email: "o'turing@example.com" });
    expectNotInSql("O'Turing");
    expectNotInSql("turing@example.com");
    const list = await send("GET", "/customers?limit=4");
    expect(list.body.items.map((c: { id: number }) => c.id), "ids after updating customer 2").toEqual([1, 2, 3, 4]);
  });

  it("answers 400 when a field is missing (PUT replaces the whole customer)", async () => {
    const sent = await send("PUT", "/customers/2", { name: "Only A Name" });
    expectProblem(sent, 400);
    expect(Object.keys(sent.body.errors ?? {})).toEqual(["email"]);
    expect(await customerRow(2)).toEqual({ id: 2, name: "Alan Turing", email: "alan@example.com" });
  });
});

describe("DELETE /customers/:id", () => {
  it("answers 204 with an empty body and removes the row", async () => {
    const sent = await send("DELETE", "/customers/5");
    expect(sent.res.status).toBe(204);
    expect(sent.text, "a 204 response has no body").toBe("");
    expect(await customerRow(5)).toBeUndefined();
    expect(await countCustomers()).toBe(24);

    const list = await send("GET", "/customers?limit=100");
    expect(list.body.total).toBe(24);
  });

  it("answers 404 for a customer that does not exist (including a second delete)", async () => {
    expect((await send("DELETE", "/customers/5")).res.status).toBe(204);
    expectProblem(await send("DELETE", "/customers/5"), 404);
    expectProblem(await send("DELETE", "/customers/999"), 404);
    expect(await countCustomers()).toBe(24);
  });
});

describe("parameters, not string building", () => {
  it("passes ids, limit and offset as parameters, not inside the SQL text", async () => {
    // The biggest id the column can hold: valid, so it must reach the database, but nobody has it.
    const id = "2147483647";
    expectProblem(await send("GET", `/customers/${id}`), 404);
    expectProblem(await send("PUT", `/customers/${id}`, { name: "Nobody", email: "nobody@example.com" }), 404);
    expectProblem(await send("DELETE", `/customers/${id}`), 404);
    expect(sqlTexts.length, "queries sent for the three requests").toBeGreaterThanOrEqual(3);
    expectNotInSql(id);
    const page = await send("GET", "/customers?limit=97&offset=1234567");
    expect(page.body).toEqual({ items: [], total: 25, limit: 97, offset: 1234567 });
    expectNotInSql("1234567");
    expectNotInSql("97");
  });
});

describe("routing", () => {
  it.each(["/", "/orders", "/customer", "/customers/1/orders"])("answers 404 with a problem for %s", async (path) => {
    expectPlainProblem(await send("GET", path), 404, "Not Found");
  });

  it.each([
    ["PATCH", "/customers", "GET, POST"],
    ["DELETE", "/customers", "GET, POST"],
    ["PATCH", "/customers/1", "DELETE, GET, PUT"],
    ["POST", "/customers/1", "DELETE, GET, PUT"],
  ])("answers 405 to %s %s with Allow listing %s", async (method, path, allowed) => {
    const sent = await send(method, path, method === "DELETE" ? undefined : { name: "X", email: "x@example.com" });
    expectPlainProblem(sent, 405, "Method Not Allowed");
    const allow = (sent.res.headers.get("allow") ?? "")
      .split(",")
      .map((m) => m.trim())
      .filter(Boolean)
      .sort()
      .join(", ");
    expect(allow, "methods in the Allow header (sorted here)").toBe(allowed);
    expect(await countCustomers()).toBe(25);
  });

  it("turns an unexpected database failure into a 500 problem without leaking the error", async () => {
    const broken: Db = {
      query: async () => {
        throw new Error("connection to 10.0.0.7 lost: secret-host-detail");
      },
      exec: async () => {
        throw new Error("connection to 10.0.0.7 lost: secret-host-detail");
      },
      transaction: async () => {
        throw new Error("connection to 10.0.0.7 lost: secret-host-detail");
      },
    };
    const res = await createHandler(broken)(new Request("http://localhost/customers/1"));
    const text = await res.text();
    expectPlainProblem({ res, body: JSON.parse(text), text }, 500, "Internal Server Error");
    expect(text, "the 500 body must not echo internal error messages").not.toContain("secret-host-detail");
  });
});
