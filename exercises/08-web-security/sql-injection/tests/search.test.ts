import { describe, it, expect, beforeEach, afterEach, vi } from "vitest";
import { createDb, type Db } from "@roadlab/db";
import { BadRequestError, handleSearch, searchCustomers } from "../main";

let db: Db;
beforeEach(async () => {
  db = await createDb();
});
afterEach(() => {
  vi.restoreAllMocks();
});

interface Customer {
  id: number;
  name: string;
  email: string;
  city: string;
}

async function search(params: Record<string, string> = {}) {
  const url = `http://shop.test/customers?${new URLSearchParams(params)}`;
  const res = await handleSearch(db, new Request(url));
  const text = await res.text();
  return { status: res.status, text, body: JSON.parse(text) as { customers?: Customer[]; error?: string } };
}

async function names(params: Record<string, string> = {}) {
  const { status, body } = await search(params);
  expect(status, `status for ${JSON.stringify(params)}: ${JSON.stringify(body)}`).toBe(200);
  return body.customers!.map((c) => c.name);
}

const ALL_BY_NAME = [
  "Amelie Durand",
  "Aoife Kelly",
  "Ben Carter",
  "Conor O'Neill",
  "Eve Mallory",
  "Jane Smith",
  "John Smith",
  "Liam Murphy",
  "Marco Rossi",
  "Niamh Byrne",
  "Siobhan O'Brien",
  "Zoe Adams",
];

describe("searching (what must keep working)", () => {
  it("lists every customer by name with only id, name, email and city when no filters are given", async () => {
    const { status, body } = await search();
    expect(status).toBe(200);
    expect(body.customers!.map((c) => c.name)).toEqual(ALL_BY_NAME);
    expect(body.customers![0]).toEqual({ id: 7, name: "Amelie Durand", email: "amelie@example.fr", city: "Paris" });
  });

  it("matches q case-insensitively against the name or the email", async () => {
    expect(await names({ q: "smith" })).toEqual(["Jane Smith", "John Smith"]);
    expect(await names({ q: "SMITH" })).toEqual(["Jane Smith", "John Smith"]);
    expect(await names({ q: "example.fr" })).toEqual(["Amelie Durand"]);
    expect(await names({ q: "nobody-has-this" })).toEqual([]);
  });

  it("finds names with apostrophes, like O'Brien", async () => {
    expect(await names({ q: "O'Brien" })).toEqual(["Siobhan O'Brien"]);
    expect(await names({ q: "o'" })).toEqual(["Conor O'Neill", "Siobhan O'Brien"]);
  });

  it("filters by exact city, alone and together with q", async () => {
    expect(await names({ city: "London" })).toEqual(["Eve Mallory", "Jane Smith", "John Smith", "Zoe Adams"]);
    expect(await names({ city: "London", q: "smith" })).toEqual(["Jane Smith", "John Smith"]);
    expect(await names({ city: "london" })).toEqual([]);
  });

  it("sorts by an allowed key and direction, breaking ties by id", async () => {
    const { body } = await search({ sort: "city", dir: "desc" });
    expect(body.customers!.map((c) => [c.city, c.id])).toEqual([
      ["Paris", 7],
      ["Milan", 8],
      ["Manchester", 11],
      ["London", 4],
      ["London", 5],
      ["London", 9],
      ["London", 12],
      ["Galway", 6],
      ["Dublin", 1],
      ["Dublin", 3],
      ["Cork", 2],
      ["Cork", 10],
    ]);
    // "joined" is the public name of the created_at column.
    expect(await names({ sort: "joined", dir: "desc", limit: "3" })).toEqual(["Eve Mallory", "Ben Carter", "Niamh Byrne"]);
    expect(await names({ sort: "joined" })).toHaveLength(12);
  });

  it("applies limit", async () => {
    expect(await names({ limit: "2" })).toEqual(["Amelie Durand", "Aoife Kelly"]);
    expect(await names({ limit: "100" })).toHaveLength(12);
  });

  it("treats % and _ in q as literal characters, not LIKE wildcards", async () => {
    expect(await names({ q: "j_smith" })).toEqual(["John Smith"]); // not jxsmith
    expect(await names({ q: "_" })).toEqual(["John Smith", "Niamh Byrne"]);
    expect(await names({ q: "%" })).toEqual([]);
    expect(await names({ q: "\\" })).toEqual([]);
  });
});

describe("bad requests", () => {
  it.each([
    ["sort", "email"],
    ["sort", "created_at"],
    ["sort", "NAME"],
    ["sort", ""],
    ["sort", "constructor"],
    ["sort", "__proto__"],
    ["dir", "up"],
    ["dir", "DESCENDING"],
    ["limit", "0"],
    ["limit", "101"],
    ["limit", "-1"],
    ["limit", "1.5"],
    ["limit", "1e2"],
    ["limit", "ALL"],
    ["limit", ""],
    ["q", "x".repeat(101)],
  ])("answers 400 with an error message for %s=%j", async (key, value) => {
    const { status, body } = await search({ [key]: value });
    expect(status).toBe(400);
    expect(body).toEqual({ error: expect.any(String) });
  });

  it("accepts a q of exactly 100 characters", async () => {
    expect(await names({ q: "x".repeat(100) })).toEqual([]);
  });

  it("throws BadRequestError from searchCustomers itself", async () => {
    await expect(searchCustomers(db, { sort: "password" })).rejects.toBeInstanceOf(BadRequestError);
  });
});

describe("how the SQL is sent", () => {
  it("sends user values as parameters, never inside the SQL text", async () => {
    const texts: string[] = [];
    const values: unknown[] = [];
    const recording: Db = {
      query: (sql, params) => {
        texts.push(sql);
        values.push(...(params ?? []));
        return db.query(sql, params);
      },
      exec: (sql) => {
        texts.push(sql);
        return db.exec(sql);
      },
      transaction: (fn) => db.transaction(fn),
    };
    const found = await searchCustomers(recording, { q: "Marco", city: "Milan" });
    expect(found.map((c) => c.name)).toEqual(["Marco Rossi"]);
    expect(texts.join("\n")).not.toContain("Marco");
    expect(texts.join("\n")).not.toContain("Milan");
    expect(values.map(String).join("\n")).toContain("Marco");
    expect(values).toContain("Milan");
  });

  it("answers 500 without the database's error message when the query fails", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {}); // logging the real error is fine
    await db.exec("DROP TABLE customers");
    const { status, text } = await search({ q: "smith" });
    expect(status).toBe(500);
    expect(JSON.parse(text)).toEqual({ error: expect.any(String) });
    expect(text).not.toMatch(/customers|relation|exist|select/i);
  });
});
