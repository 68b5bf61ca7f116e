import { beforeEach, describe, expect, it } from "vitest";
import { handle, ifNoneMatchMatches, strongEtag } from "../server";
import type { Account, Product, Store } from "../store";

let products: Map<number, Product>;
let accounts: Map<string, Account>;
let store: Store;

beforeEach(() => {
  products = new Map([
    [1, { id: 1, name: { en: "Desk lamp", de: "Schreibtischlampe" }, priceCents: 3999 }],
    [2, { id: 2, name: { en: "Kettle", de: "Wasserkocher" }, priceCents: 2499 }],
  ]);
  accounts = new Map([["t-ann", { user: "ann", email: "ann@example.com", version: 7, cardLast4: "4242" }]]);
  store = { product: (id) => products.get(id), account: (token) => accounts.get(token) };
});

function get(path: string, headers: Record<string, string> = {}) {
  return handle(new Request(`http://shop.test${path}`, { headers }), store);
}

/** Cache-Control directives, lower-cased and sorted, so order and spacing do not matter. */
function directives(res: Response): string[] {
  return (res.headers.get("Cache-Control") ?? "")
    .split(",")
    .map((d) => d.trim().toLowerCase())
    .filter(Boolean)
    .sort();
}

describe("GET /products/:id", () => {
  it("answers 200 JSON that browsers keep 60 s and shared caches 600 s", async () => {
    const res = await get("/products/1");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ id: 1, name: "Desk lamp", priceCents: 3999 });
    expect(directives(res)).toEqual(["max-age=60", "public", "s-maxage=600"]);
    expect(res.headers.get("Content-Type")).toMatch(/^application\/json/);
  });

  it("has a strong ETag that changes when the product changes", async () => {
    const first = (await get("/products/1")).headers.get("ETag");
    expect(first).toMatch(/^"[^"]+"$/);
    expect((await get("/products/1")).headers.get("ETag")).toBe(first);
    products.get(1)!.priceCents = 3499;
    const changed = (await get("/products/1")).headers.get("ETag");
    expect(changed).toMatch(/^"[^"]+"$/);
    expect(changed).not.toBe(first);
    expect((await get("/products/2")).headers.get("ETag")).not.toBe(changed);
  });

  it("picks the language from Accept-Language by q-value and says Vary: Accept-Language", async () => {
    const de = await get("/products/1", { "Accept-Language": "fr;q=1, de-AT;q=0.9, en;q=0.5" });
    expect((await de.json()).name).toBe("Schreibtischlampe");
    expect(de.headers.get("Content-Language")).toBe("de");
    expect(de.headers.get("Vary")?.toLowerCase()).toContain("accept-language");

    const en = await get("/products/1", { "Accept-Language": "de;q=0.2, EN-gb" });
    expect((await en.json()).name).toBe("Desk lamp");
    expect(en.headers.get("Vary")?.toLowerCase()).toContain("accept-language");

    const fallback = await get("/products/1", { "Accept-Language": "fr, de;q=0" });
    expect((await fallback.json()).name).toBe("Desk lamp");
    const none = await get("/products/1");
    expect(none.headers.get("Content-Language")).toBe("en");
  });

  it("gives each language its own strong ETag: different bytes, different tag", async () => {
    const de = await get("/products/1", { "Accept-Language": "de" });
    const en = await get("/products/1", { "Accept-Language": "en" });
    expect(de.headers.get("ETag")).not.toBe(en.headers.get("ETag"));
    const deTag = de.headers.get("ETag")!;
    expect((await get("/products/1", { "Accept-Language": "en", "If-None-Match": deTag })).status).toBe(200);
  });

  it("answers 304 with no body, and the ETag, Cache-Control and Vary of the 200, to a matching If-None-Match", async () => {
    const etag = (await get("/products/1")).headers.get("ETag")!;
    const res = await get("/products/1", { "If-None-Match": etag });
    expect(res.status).toBe(304);
    expect(await res.text()).toBe("");
    expect(res.headers.get("ETag")).toBe(etag);
    expect(directives(res)).toEqual(["max-age=60", "public", "s-maxage=600"]);
    expect(res.headers.get("Vary")?.toLowerCase()).toContain("accept-language");
  });

  it("answers 200 again once the product changed under a cached ETag", async () => {
    const etag = (await get("/products/1")).headers.get("ETag")!;
    products.get(1)!.name.en = "Desk lamp (LED)";
    const res = await get("/products/1", { "If-None-Match": etag });
    expect(res.status).toBe(200);
    expect((await res.json()).name).toBe("Desk lamp (LED)");
  });

  it("matches a list, a weakened copy of the tag (as a compressing proxy sends) and *", async () => {
    const etag = (await get("/products/2")).headers.get("ETag")!;
    expect((await get("/products/2", { "If-None-Match": `"nope", ${etag}` })).status).toBe(304);
    expect((await get("/products/2", { "If-None-Match": `W/${etag}` })).status).toBe(304);
    expect((await get("/products/2", { "If-None-Match": "*" })).status).toBe(304);
    expect((await get("/products/2", { "If-None-Match": `"nope", W/"other"` })).status).toBe(200);
  });

  it("caches a 404 briefly (30 s), so a flood of requests for a missing id stops at the CDN", async () => {
    const res = await get("/products/99");
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: "NOT_FOUND" });
    expect(directives(res)).toEqual(["max-age=30", "public"]);
    expect(res.headers.get("ETag")).toBeNull();
    expect((await get("/products/99", { "If-None-Match": "*" })).status).toBe(404);
  });
});

describe("GET /account", () => {
  const ann = { Authorization: "Bearer t-ann" };

  it("is private, revalidated on every use, with a weak ETag from the account version", async () => {
    const res = await get("/account", ann);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ user: "ann", email: "ann@example.com" });
    expect(directives(res)).toEqual(["no-cache", "private"]);
    expect(res.headers.get("ETag")).toBe('W/"7"');
  });

  it("answers 304 to the weak tag, and 200 after the account changed", async () => {
    const res = await get("/account", { ...ann, "If-None-Match": 'W/"7"' });
    expect(res.status).toBe(304);
    expect(await res.text()).toBe("");
    expect(res.headers.get("ETag")).toBe('W/"7"');
    expect(directives(res)).toEqual(["no-cache", "private"]);
    expect((await get("/account", { ...ann, "If-None-Match": '"7"' })).status).toBe(304);

    Object.assign(accounts.get("t-ann")!, { email: "ann@new.example", version: 8 });
    const changed = await get("/account", { ...ann, "If-None-Match": 'W/"7"' });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("ETag")).toBe('W/"8"');
  });

  it("answers 401 with no-store without a valid bearer token", async () => {
    for (const headers of [{}, { Authorization: "Bearer nope" }, { Authorization: "Basic t-ann" }]) {
      const res = await get("/account", headers);
      expect(res.status).toBe(401);
      expect(directives(res)).toEqual(["no-store"]);
    }
  });
});

describe("GET /account/card", () => {
  it("is no-store, has no ETag and never answers 304", async () => {
    const headers = { Authorization: "Bearer t-ann" };
    const res = await get("/account/card", headers);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ last4: "4242" });
    expect(directives(res)).toEqual(["no-store"]);
    expect(res.headers.get("ETag")).toBeNull();
    expect((await get("/account/card", { ...headers, "If-None-Match": "*" })).status).toBe(200);
  });
});

describe("methods and helpers", () => {
  it("answers 404 with no-store for any other path", async () => {
    for (const path of ["/", "/products", "/products/abc", "/account/other"]) {
      const res = await get(path, { Authorization: "Bearer t-ann" });
      expect(res.status, path).toBe(404);
      expect(directives(res), path).toEqual(["no-store"]);
    }
  });

  it("answers 405 with Allow: GET to other methods", async () => {
    const res = await handle(new Request("http://shop.test/products/1", { method: "POST", body: "{}" }), store);
    expect(res.status).toBe(405);
    expect(res.headers.get("Allow")).toBe("GET");
  });

  it("strongEtag is a quoted tag, equal for equal bodies and different for a one-byte change", async () => {
    const a = await strongEtag('{"id":1}');
    expect(a).toMatch(/^"[^"\s]+"$/);
    expect(await strongEtag('{"id":1}')).toBe(a);
    expect(await strongEtag('{"id":2}')).not.toBe(a);
  });

  it.each([
    [null, '"abc"', false],
    ['"abc"', '"abc"', true],
    ['W/"abc"', '"abc"', true],
    ['"abc"', 'W/"abc"', true],
    ['  "x" ,"abc"  ', '"abc"', true],
    ['"abcd"', '"abc"', false],
    ['"ABC"', '"abc"', false],
    ["*", 'W/"1"', true],
  ])("ifNoneMatchMatches(%s, %s) is %s", (header, etag, expected) => {
    expect(ifNoneMatchMatches(header, etag)).toBe(expected);
  });
});
