import { beforeEach, describe, expect, it } from "vitest";
import { createDb, type Db } from "@roadlab/db";
import { createHandler } from "../main";

let db: Db;
let handler: (req: Request) => Promise<Response>;

beforeEach(async () => {
  db = await createDb();
  handler = createHandler(db);
});

interface Item {
  id: number;
  name: string;
  status: string;
  priceCents: number;
  createdAt: string;
}

interface Sent {
  res: Response;
  body: any;
  text: string;
}

async function send(pathAndQuery: string, method = "GET"): Promise<Sent> {
  const res = await handler(new Request(`http://localhost${pathAndQuery}`, { method }));
  const text = await res.text();
  let body: unknown;
  try {
    body = text === "" ? undefined : JSON.parse(text);
  } catch {
    throw new Error(`${method} ${pathAndQuery} answered ${res.status} with a body that is not JSON: ${text.slice(0, 200)}`);
  }
  return { res, body, text };
}

function expectProblem(sent: Sent, status: number): void {
  expect(sent.res.status, `status code (body: ${sent.text.slice(0, 300)})`).toBe(status);
  expect(sent.res.headers.get("content-type") ?? "", "content-type of an error").toMatch(/^application\/problem\+json/);
  expect(sent.body, "problem body").toMatchObject({
    type: expect.any(String),
    title: expect.any(String),
    status,
    detail: expect.any(String),
  });
}

/** A 400 problem whose `errors` names exactly these query parameters. */
async function expectInvalid(query: string, params: string[]): Promise<void> {
  const sent = await send(`/products?${query}`);
  expectProblem(sent, 400);
  expect(Object.keys(sent.body.errors ?? {}).sort(), `parameters named in errors for ?${query}`).toEqual(
    [...params].sort(),
  );
  for (const p of params) expect(typeof sent.body.errors[p], `errors.${p} should be a message`).toBe("string");
}

// ---------------------------------------------------------------------------------------------
// The truth to compare against: one plain query over the whole result, no pages.

const COLUMNS: Record<string, string> = { price: "price_cents", name: "name", createdAt: "created_at" };

async function reference(query: string): Promise<Item[]> {
  const p = new URLSearchParams(query);
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (condition: string, value: unknown) => {
    params.push(value);
    where.push(condition.replace("?", `$${params.length}`));
  };
  if (p.has("status")) add("status = ?", p.get("status"));
  if (p.has("minPrice")) add("price_cents >= ?", Number(p.get("minPrice")));
  if (p.has("maxPrice")) add("price_cents <= ?", Number(p.get("maxPrice")));
  const order = (p.get("sort") ?? "-createdAt")
    .split(",")
    .map((f) => (f.startsWith("-") ? `${COLUMNS[f.slice(1)]} DESC` : `${COLUMNS[f]} ASC`));
  const { rows } = await db.query<Item & { createdAt: Date }>(
    `SELECT id, name, status, price_cents AS "priceCents", created_at AS "createdAt"
       FROM products ${where.length ? `WHERE ${where.join(" AND ")}` : ""}
      ORDER BY ${[...order, "id ASC"].join(", ")}`,
    params,
  );
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}

interface Walk {
  pages: Item[][];
  items: Item[];
  cursors: string[];
}

/** Fetches one page. Checks the 200 and that `nextCursor` is either a string or absent. */
async function page(query: string, cursor?: string): Promise<{ items: Item[]; next?: string; sent: Sent }> {
  const qs = new URLSearchParams(query);
  if (cursor !== undefined) qs.set("cursor", cursor);
  const sent = await send(`/products?${qs}`);
  expect(sent.res.status, `GET /products?${qs} → ${sent.text.slice(0, 300)}`).toBe(200);
  expect(sent.res.headers.get("content-type") ?? "", "content-type").toMatch(/^application\/json/);
  expect(Array.isArray(sent.body?.items), "the body should have an items array").toBe(true);
  if ("nextCursor" in sent.body) {
    expect(typeof sent.body.nextCursor, "nextCursor must be a string, or left out on the last page").toBe("string");
  }
  return { items: sent.body.items, next: sent.body.nextCursor, sent };
}

/** Follows nextCursor until it is absent, checking page sizes on the way. */
async function walk(query: string, from?: string): Promise<Walk> {
  const limit = Number(new URLSearchParams(query).get("limit") ?? 20);
  const result: Walk = { pages: [], items: [], cursors: [] };
  let cursor = from;
  for (let n = 0; n < 80; n++) {
    const { items, next, sent } = await page(query, cursor);
    result.pages.push(items);
    result.items.push(...items);
    expect(items.length, "no page may hold more than limit items").toBeLessThanOrEqual(limit);
    if (next === undefined) {
      expect(sent.res.headers.get("link"), "the last page must not have a Link: rel=next header").toBeNull();
      return result;
    }
    expect(items.length, "a page that has a next page must be full").toBe(limit);
    result.cursors.push(next);
    cursor = next;
  }
  throw new Error(`still getting a nextCursor after 80 pages of ?${query}: does the cursor move forward?`);
}

const ids = (items: Item[]) => items.map((i) => i.id);

// ---------------------------------------------------------------------------------------------

describe("GET /products: pages", () => {
  it("returns the first page in the default order (-createdAt, then id) with camelCase items", async () => {
    const first = await page("");
    expect(first.items).toEqual((await reference("")).slice(0, 20));
    expect(first.items[0]).toEqual({
      id: expect.any(Number),
      name: expect.any(String),
      status: expect.any(String),
      priceCents: expect.any(Number),
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
    });
    expect(typeof first.next).toBe("string");
  });

  it.each([
    ["(defaults)", ""],
    ["sort=-price,name&limit=7", "sort=-price,name&limit=7"],
    ["status=active&sort=price&limit=5", "status=active&sort=price&limit=5"],
    ["sort=name&limit=4", "sort=name&limit=4"],
    ["sort=createdAt,-price&limit=9", "sort=createdAt,-price&limit=9"],
    ["status=draft&sort=-name,createdAt&limit=2", "status=draft&sort=-name,createdAt&limit=2"],
    ["minPrice=1000&maxPrice=3000&sort=-price&limit=3", "minPrice=1000&maxPrice=3000&sort=-price&limit=3"],
    ["sort=price,name,createdAt&limit=1", "sort=price,name,createdAt&limit=1"],
  ])("walks every page of ?%s and gets exactly the full ordered result", async (_label, query) => {
    const expected = await reference(query);
    const { pages, items } = await walk(query);
    expect(ids(items), "ids across all pages, in order").toEqual(ids(expected));
    expect(items).toEqual(expected);
    const limit = Number(new URLSearchParams(query).get("limit") ?? 20);
    expect(pages.length, "number of pages").toBe(Math.max(1, Math.ceil(expected.length / limit)));
  });

  it("keeps identical products apart by id, even one per page", async () => {
    // The four USB-C cables have the same price, name and created_at: only id orders them.
    const { items } = await walk("maxPrice=999&minPrice=999&sort=-price,name,createdAt&limit=1");
    expect(ids(items)).toEqual([61, 62, 63, 64]);
  });

  it("gives no nextCursor on a last page that is exactly full (no empty extra page)", async () => {
    // 44 active products in pages of 11: four full pages, and the fourth is the last.
    const { pages } = await walk("status=active&limit=11");
    expect(pages.map((p) => p.length)).toEqual([11, 11, 11, 11]);
  });

  it("answers an empty result with items [] and no nextCursor", async () => {
    const { items, next } = await page("minPrice=5000&maxPrice=1000");
    expect(items).toEqual([]);
    expect(next).toBeUndefined();
  });

  it("issues opaque base64url cursors that are safe in a URL as they are", async () => {
    const { cursors } = await walk("sort=-price,name&limit=10");
    expect(cursors.length).toBeGreaterThan(0);
    for (const c of cursors) expect(c, "base64url: letters, digits, - and _, no padding").toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it("links to the next page with a Link header that keeps filters, sort and limit", async () => {
    const query = "status=active&sort=-price,name&limit=6";
    const first = await page(query);
    const link = first.sent.res.headers.get("link") ?? "";
    const match = /<([^>]+)>\s*;\s*rel="?next"?/.exec(link);
    expect(match, `Link header should look like </products?…>; rel="next", got: ${link}`).not.toBeNull();
    const target = new URL(match![1], "http://localhost");
    expect(target.pathname).toBe("/products");
    expect(target.searchParams.get("status")).toBe("active");
    expect(target.searchParams.get("sort")).toBe("-price,name");
    expect(target.searchParams.get("limit")).toBe("6");
    expect(target.searchParams.get("cursor")).toBe(first.next);

    const viaLink = await send(`${target.pathname}${target.search}`);
    const viaCursor = await page(query, first.next);
    expect(viaLink.body.items).toEqual(viaCursor.items);
    expect(viaLink.body.items).toEqual((await reference(query)).slice(6, 12));
  });

  it("treats a cursor as a position, not a page number: the next request may use another limit", async () => {
    const first = await page("sort=name&limit=5");
    const next = await page("sort=name&limit=12", first.next);
    expect(next.items).toEqual((await reference("sort=name")).slice(5, 17));
  });
});

describe("GET /products: stable while the data changes", () => {
  it("shows no duplicates and skips nothing when rows are inserted mid-walk", async () => {
    const query = "sort=-price,name&limit=5";
    const first = await page(query);
    const second = await page(query, first.next);
    const seen = [...first.items, ...second.items];
    const lastSeen = seen[seen.length - 1];

    // A sorts before everything already seen; B near the end; C ties with the last row seen
    // (same price and name, higher id), so it belongs right after it.
    const { rows } = await db.query<{ id: number }>(
      `INSERT INTO products (name, status, price_cents, created_at) VALUES
         ('Aardvark Lamp', 'active', 9000, '2024-03-01 10:00:00+00'),
         ('Zebra Mug', 'active', 100, '2024-03-01 10:00:00+00'),
         ($1, 'active', $2, '2024-03-01 10:00:00+00')
       RETURNING id`,
      [lastSeen.name, lastSeen.priceCents],
    );
    const [a, b, c] = rows.map((r) => r.id);

    const rest = await walk(query, second.next);
    const all = await reference(query);
    const position = ids(all).indexOf(lastSeen.id);
    expect(ids(rest.items), "the rest of the walk: every row after the last one seen, new ones included").toEqual(
      ids(all.slice(position + 1)),
    );
    expect(ids(rest.items)[0], "a row tied with the cursor row but with a higher id comes right after it").toBe(c);
    expect(ids(rest.items)).toContain(b);
    expect(ids(rest.items), "a row inserted before the cursor's position must not show up later").not.toContain(a);
    const everything = [...ids(seen), ...ids(rest.items)];
    expect(new Set(everything).size, "no product may appear twice").toBe(everything.length);
  });

  it("skips nothing when rows already seen are deleted mid-walk, even the cursor's own row", async () => {
    const query = "sort=name&limit=6";
    const before = await reference(query);
    const first = await page(query);
    const deleted = [first.items[0].id, first.items[5].id, before[20].id];
    await db.query("DELETE FROM products WHERE id = ANY($1)", [deleted]);

    const rest = await walk(query, first.next);
    const expected = ids(before.slice(6)).filter((id) => !deleted.includes(id));
    expect(ids(rest.items)).toEqual(expected);
  });
});

describe("GET /products: validation", () => {
  it.each([
    ["color=red", "color"],
    ["offset=10", "offset"],
    ["page=2", "page"],
    ["Status=active", "Status"],
  ])("rejects the unknown parameter in ?%s, naming %s", async (query, param) => {
    await expectInvalid(query, [param]);
  });

  it.each([
    ["status=active&status=draft", "status"],
    ["limit=5&limit=6", "limit"],
    ["sort=price&sort=name", "sort"],
  ])("rejects a parameter given twice: ?%s", async (query, param) => {
    await expectInvalid(query, [param]);
  });

  it.each(["sort=color", "sort=", "sort=price,,name", "sort=price,-price", "sort=Price", "sort=--price", "sort=id", "sort=price%20"])(
    "rejects ?%s with errors.sort",
    async (query) => {
      await expectInvalid(query, ["sort"]);
    },
  );

  it.each(["status=deleted", "status=", "status=ACTIVE"])("rejects ?%s with errors.status", async (query) => {
    await expectInvalid(query, ["status"]);
  });

  it.each(["limit=0", "limit=101", "limit=-1", "limit=abc", "limit=2.5", "limit="])(
    "rejects ?%s with errors.limit",
    async (query) => {
      await expectInvalid(query, ["limit"]);
    },
  );

  it.each([
    ["minPrice=-1", "minPrice"],
    ["minPrice=abc", "minPrice"],
    ["maxPrice=9.99", "maxPrice"],
    ["maxPrice=", "maxPrice"],
    ["maxPrice=99999999999", "maxPrice"],
  ])("rejects ?%s with errors.%s", async (query, param) => {
    await expectInvalid(query, [param]);
  });

  it("names every bad parameter at once", async () => {
    await expectInvalid("limit=0&sort=color&colour=red&status=gone", ["colour", "limit", "sort", "status"]);
  });

  it("accepts the largest limit, 100", async () => {
    const { items, next } = await page("limit=100");
    expect(items).toHaveLength(64);
    expect(next).toBeUndefined();
  });
});

describe("GET /products: cursors that were not issued for this request", () => {
  const b64url = (text: string) => {
    let binary = "";
    for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
    return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  };
  const unb64url = (encoded: string) =>
    new TextDecoder().decode(
      Uint8Array.from(atob(encoded.replace(/-/g, "+").replace(/_/g, "/")), (ch) => ch.charCodeAt(0)),
    );

  it.each([
    ["an empty cursor", ""],
    ["characters outside base64url", "abc!def"],
    ["standard base64 with + and /", "ab+c/de="],
    ["base64url of plain text", b64url("hello world")],
    ["base64url of {}", b64url("{}")],
    ["base64url of []", b64url("[]")],
    ["base64url of null", b64url("null")],
    ["base64url of a number", b64url("42")],
  ])("rejects %s with a 400 naming cursor", async (_label, cursor) => {
    await expectInvalid(`sort=-price,name&cursor=${encodeURIComponent(cursor)}`, ["cursor"]);
  });

  it("rejects a truncated cursor", async () => {
    const { next } = await page("sort=-price,name&limit=5");
    const cut = next!.slice(0, Math.floor(next!.length / 2));
    await expectInvalid(`sort=-price,name&cursor=${cut}`, ["cursor"]);
  });

  it("rejects a cursor made for a different sort", async () => {
    const { next } = await page("sort=price&limit=5");
    await expectInvalid(`sort=-price&cursor=${next}`, ["cursor"]);
    await expectInvalid(`sort=name&cursor=${next}`, ["cursor"]);
    await expectInvalid(`cursor=${next}`, ["cursor"]); // the default sort, -createdAt
  });

  it("rejects edited cursors with a 400, never a 500", async () => {
    // Decode a real cursor and change what is inside, keeping valid base64url JSON.
    const { next } = await page("sort=-price,name&limit=5");
    const original = JSON.parse(unb64url(next!));
    const deepMap = (value: unknown, leaf: (v: unknown) => unknown): unknown =>
      Array.isArray(value)
        ? value.map((v) => deepMap(v, leaf))
        : value !== null && typeof value === "object"
          ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, deepMap(v, leaf)]))
          : leaf(value);
    const dropLast = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.slice(0, -1).map(dropLast)
        : value !== null && typeof value === "object"
          ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, dropLast(v)]))
          : value;
    const variants: [string, unknown][] = [
      ["numbers replaced by text", deepMap(original, (v) => (typeof v === "number" ? "x" : v))],
      ["text replaced by numbers", deepMap(original, (v) => (typeof v === "string" ? 7 : v))],
      ["every value null", deepMap(original, () => null)],
      ["the last element of each array removed", dropLast(original)],
    ];
    for (const [label, variant] of variants) {
      if (JSON.stringify(variant) === JSON.stringify(original)) continue; // nothing of that kind to edit
      const sent = await send(`/products?sort=-price,name&cursor=${b64url(JSON.stringify(variant))}`);
      expect(sent.res.status, `cursor with ${label}: ${JSON.stringify(variant)} → ${sent.text.slice(0, 200)}`).toBe(400);
      expect(Object.keys(sent.body.errors ?? {}), `cursor with ${label}: errors`).toEqual(["cursor"]);
    }
  });
});

describe("routing and failures", () => {
  it.each(["/products/1", "/", "/product"])("answers 404 with a problem for GET %s", async (path) => {
    expectProblem(await send(path), 404);
  });

  it("answers 405 with Allow: GET for POST /products", async () => {
    const sent = await send("/products", "POST");
    expectProblem(sent, 405);
    expect(sent.res.headers.get("allow")).toBe("GET");
  });

  it("turns a database failure into a 500 problem without leaking the error", async () => {
    const failing = async () => {
      throw new Error("connection to 10.0.0.7 lost: secret-host-detail");
    };
    const broken = { query: failing, exec: failing, transaction: failing } as unknown as Db;
    const res = await createHandler(broken)(new Request("http://localhost/products"));
    const text = await res.text();
    expectProblem({ res, body: JSON.parse(text), text }, 500);
    expect(text).not.toContain("secret-host-detail");
  });
});
