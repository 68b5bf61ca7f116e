import { describe, expect, it } from "vitest";
import { createCatalog } from "../catalog";

const products = [{ sku: "mug", name: "Mug", priceCents: 1200, stock: 3 }];

function json(body: unknown, method = "POST"): RequestInit {
  return { method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) };
}

async function stockOf(app: ReturnType<typeof createCatalog>): Promise<number> {
  return ((await (await app.request("/products/mug")).json()) as { stock: number }).stock;
}

describe("the catalog service", () => {
  it("answers a product, and 404 UNKNOWN_PRODUCT for a SKU it does not have", async () => {
    const app = createCatalog(products);
    const res = await app.request("/products/mug");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(products[0]);
    const missing = await app.request("/products/teapot");
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ code: "UNKNOWN_PRODUCT" });
  });

  it("reserves stock once per order id, however often the request is repeated", async () => {
    const app = createCatalog(products);
    const first = await app.request("/reservations", json({ orderId: "o1", sku: "mug", qty: 2 }));
    const again = await app.request("/reservations", json({ orderId: "o1", sku: "mug", qty: 2 }));
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(await stockOf(app)).toBe(1);
  });

  it("refuses more than is in stock with 409 OUT_OF_STOCK and takes nothing", async () => {
    const app = createCatalog(products);
    const res = await app.request("/reservations", json({ orderId: "o1", sku: "mug", qty: 4 }));
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ code: "OUT_OF_STOCK" });
    expect(await stockOf(app)).toBe(3);
    expect((await app.request("/reservations", json({ orderId: "o2", sku: "mug", qty: 3 }))).status).toBe(201);
    expect(await stockOf(app)).toBe(0);
  });

  it("releases a reservation once, and answers 204 for one it does not know", async () => {
    const app = createCatalog(products);
    await app.request("/reservations", json({ orderId: "o1", sku: "mug", qty: 2 }));
    expect((await app.request("/reservations/o1", { method: "DELETE" })).status).toBe(204);
    expect((await app.request("/reservations/o1", { method: "DELETE" })).status).toBe(204);
    expect((await app.request("/reservations/nope", { method: "DELETE" })).status).toBe(204);
    expect(await stockOf(app)).toBe(3);
  });

  it("does not share its stock with the product list it was given", async () => {
    const list = [{ ...products[0] }];
    const app = createCatalog(list);
    expect((await app.request("/reservations", json({ orderId: "o1", sku: "mug", qty: 1 }))).status).toBe(201);
    expect(list[0].stock).toBe(3);
    expect(await stockOf(app)).toBe(2);
  });
});
