import { describe, expect, it } from "vitest";
import type { Data, InvoiceRow } from "../data";
import { createApp } from "../main";

const T0 = Date.UTC(2030, 4, 6, 9, 0, 0);

function setup() {
  let now = T0;
  const row = (id: string, ownerId: string, extra: Partial<InvoiceRow> = {}): [string, InvoiceRow] => [
    id, { id, ownerId, amountCents: 1250, status: "open", note: "", cardNumber: "4111111111111111", internalRiskScore: 0.93, ...extra },
  ];
  const invoices = new Map([row("inv-1", "ada"), row("inv-2", "bob", { cardNumber: "5500000000000004" }), row("inv-3", "ada", { status: "paid" })]);
  for (let i = 4; i <= 130; i++) invoices.set(...row(`inv-${i}`, "ada"));
  const data: Data = {
    apiKeys: new Map([["key-ada", { userId: "ada", role: "customer" }], ["key-bob", { userId: "bob", role: "customer" }], ["key-sam", { userId: "sam", role: "support" }]]),
    invoices, now: () => now,
  };
  const app = createApp(data);
  const call = (method: string, path: string, key?: string, body?: unknown) => {
    now += 200; // five requests a second: under any key's limit
    return app.request(path, { method, headers: { ...(key ? { Authorization: `Bearer ${key}` } : {}), "Content-Type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
  };
  return { app, data, call, setNow: (ms: number) => { now = ms; } };
}
const errorOf = async (res: Response) => ((await res.json()) as { error: string }).error;

describe("authentication", () => {
  it("401 unauthenticated without a known API key", async () => {
    const { call } = setup();
    for (const key of [undefined, "key-nobody"]) {
      const res = await call("GET", "/invoices/inv-1", key);
      expect(res.status).toBe(401);
      expect(await errorOf(res)).toBe("unauthenticated");
    }
  });
});

describe("object-level authorisation (OWASP API1)", () => {
  it("lets an owner read their invoice, and answers someone else's exactly like a missing one", async () => {
    const { call } = setup();
    expect((await call("GET", "/invoices/inv-2", "key-bob")).status).toBe(200);
    const foreign = await call("GET", "/invoices/inv-2", "key-ada");
    const missing = await call("GET", "/invoices/inv-999", "key-ada");
    expect([foreign.status, missing.status]).toEqual([404, 404]);
    expect(await foreign.json()).toEqual(await missing.json());
  });

  it("lets support read and edit any invoice", async () => {
    const { call } = setup();
    expect((await call("GET", "/invoices/inv-2", "key-sam")).status).toBe(200);
    expect((await call("PATCH", "/invoices/inv-1", "key-sam", { note: "called the customer" })).status).toBe(200);
  });

  it("never lets a customer edit someone else's invoice", async () => {
    const { call, data } = setup();
    const res = await call("PATCH", "/invoices/inv-2", "key-ada", { note: "mine now" });
    expect(res.status).toBe(404);
    expect(data.invoices.get("inv-2")!.note).toBe("");
  });

  it("lists only the caller's own invoices", async () => {
    const { call } = setup();
    const res = await call("GET", "/invoices?limit=100", "key-bob");
    expect(((await res.json()) as { invoices: { id: string }[] }).invoices.map((i) => i.id)).toEqual(["inv-2"]);
  });
});

describe("property-level authorisation (OWASP API3)", () => {
  it("answers only id, amountCents, status, note and the card's last four digits", async () => {
    const { call } = setup();
    const res = await call("GET", "/invoices/inv-2", "key-bob");
    expect(await res.json()).toEqual({ id: "inv-2", amountCents: 1250, status: "open", note: "", cardLast4: "0004" });
    const list = (await (await call("GET", "/invoices?limit=2", "key-ada")).json()) as { invoices: object[] };
    expect(list.invoices[0]).toEqual({ id: "inv-1", amountCents: 1250, status: "open", note: "", cardLast4: "1111" });
  });

  it("edits the note, and refuses a body with any other field without changing anything", async () => {
    const { call, data } = setup();
    const ok = await call("PATCH", "/invoices/inv-1", "key-ada", { note: "paid by transfer" });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ note: "paid by transfer", status: "open" });
    for (const body of [{ note: "x", status: "paid" }, { amountCents: 1 }, { ownerId: "ada" }, { note: "x", internalRiskScore: 0 }]) {
      const res = await call("PATCH", "/invoices/inv-1", "key-ada", body);
      expect(res.status).toBe(400);
      expect(await errorOf(res)).toBe("field_not_editable");
    }
    expect(data.invoices.get("inv-1")).toMatchObject({ note: "paid by transfer", status: "open", amountCents: 1250, ownerId: "ada" });
    for (const body of [{ note: 42 }, { note: "x".repeat(501) }, [], "text"]) {
      const res = await call("PATCH", "/invoices/inv-1", "key-ada", body);
      expect(res.status).toBe(400);
      expect(await errorOf(res)).toBe("invalid_body");
    }
  });
});

describe("resource consumption (OWASP API4)", () => {
  it("pages 20 by default and at most 100; other limits are invalid_limit", async () => {
    const { call } = setup();
    const count = async (query: string) => ((await (await call("GET", `/invoices${query}`, "key-ada")).json()) as { invoices: unknown[] }).invoices.length;
    expect(await count("")).toBe(20);
    expect(await count("?limit=100")).toBe(100);
    expect(await count("?limit=1")).toBe(1);
    for (const limit of ["101", "1000000", "0", "-5", "abc", "10.5", ""]) {
      const res = await call("GET", `/invoices?limit=${limit}`, "key-ada");
      expect(res.status, `limit=${limit}`).toBe(400);
      expect(await errorOf(res)).toBe("invalid_limit");
    }
  });

  it("allows 10 requests per key per second, then 429 with Retry-After, other keys unaffected", async () => {
    const { app, setNow } = setup();
    const get = (key: string) => app.request("/invoices/inv-1", { headers: { Authorization: `Bearer ${key}` } });
    setNow(T0 + 10_000);
    for (let i = 0; i < 10; i++) expect((await get("key-ada")).status).toBe(200);
    const limited = await get("key-ada");
    expect(limited.status).toBe(429);
    expect(await errorOf(limited)).toBe("rate_limited");
    expect(limited.headers.get("Retry-After")).toBe("1");
    expect((await get("key-sam")).status).toBe(200);
    setNow(T0 + 10_999);
    expect((await get("key-ada")).status).toBe(429);
    setNow(T0 + 11_000);
    expect((await get("key-ada")).status).toBe(200);
  });
});
