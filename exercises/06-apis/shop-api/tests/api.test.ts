import { beforeEach, describe, expect, it } from "vitest";
import { createDb, type Db } from "@roadlab/db";
import { send } from "./http";

let db: Db;
beforeEach(async () => {
  db = await createDb();
});

const stockOf = async (id: number) => (await db.query<{ stock: number }>("SELECT stock FROM products WHERE id = $1", [id])).rows[0]!.stock;

describe("users", () => {
  it("creates a user: 201, Location, the resource at that location; 409 for a taken email", async () => {
    const res = await send(db, "POST", "/users", { email: "katherine@example.com", name: "  Katherine Johnson ", role: "admin" });
    expect(res.status).toBe(201);
    expect(res.headers.get("location")).toBe("/users/4");
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(res.body).toEqual({ id: 4, email: "katherine@example.com", name: "Katherine Johnson" });
    expect((await send(db, "GET", "/users/4")).body).toEqual(res.body);
    expect((await send(db, "GET", "/users")).body.items.map((u: { id: number }) => u.id)).toEqual([1, 2, 3, 4]);
    const taken = await send(db, "POST", "/users", { email: "grace@example.com", name: "Another Grace" });
    expect(taken.status).toBe(409);
    expect(taken.body).toMatchObject({ type: "/problems/email-taken", status: 409 });
  });

  it("answers 422 with an error for every bad field, and 400 for a body that is not a JSON object", async () => {
    const bad = await send(db, "POST", "/users", { email: "not-an-email", name: "   " });
    expect(bad.status).toBe(422);
    expect(bad.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expect(bad.body).toMatchObject({ type: "/problems/validation", status: 422 });
    expect(Object.keys(bad.body.errors).sort()).toEqual(["email", "name"]);
    for (const raw of ["{\"email\": ", "[1, 2]"]) {
      const res = await send(db, "POST", "/users", raw);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ type: "/problems/invalid-json", status: 400 });
    }
    expect((await db.query("SELECT 1 FROM users")).rows).toHaveLength(3);
  });

  it("answers 404 problems for unknown ids, ids that are not ids, and unknown paths", async () => {
    for (const path of ["/users/99", "/users/abc", "/users/99999999999", "/users/99/orders", "/orders/7", "/customers", "/getUsers"]) {
      const res = await send(db, "GET", path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get("content-type"), path).toMatch(/^application\/problem\+json/);
      expect(res.body, path).toMatchObject({ type: "about:blank", title: "Not Found", status: 404 });
    }
  });

  it("answers 405 with Allow for a method the path does not have", async () => {
    const cases: [string, string, string][] = [
      ["DELETE", "/users", "GET, POST"],
      ["PUT", "/users/1", "GET"],
      ["PUT", "/products/1", "GET, PATCH, DELETE"],
      ["GET", "/orders", "POST"],
      ["DELETE", "/orders/1", "GET"],
    ];
    for (const [method, path, allow] of cases) {
      const res = await send(db, method, path);
      expect(res.status, `${method} ${path}`).toBe(405);
      expect(res.headers.get("allow"), `${method} ${path}`).toBe(allow);
      expect(res.body).toMatchObject({ type: "about:blank", status: 405 });
    }
  });
});

describe("products", () => {
  it("changes only the fields a PATCH sends, after checking them", async () => {
    const res = await send(db, "PATCH", "/products/2", { priceCents: 849 });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id: 2, sku: "NB-A5", name: "A5 notebook", priceCents: 849, stock: 12 });
    const bad = await send(db, "PATCH", "/products/2", { priceCents: -1, stock: 2.5 });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.errors).sort()).toEqual(["priceCents", "stock"]);
    expect((await send(db, "PATCH", "/products/99", { name: "Ghost" })).status).toBe(404);
    expect((await send(db, "GET", "/products/2")).body.priceCents).toBe(849);
  });

  it("creates products and refuses a taken SKU with 409", async () => {
    const res = await send(db, "POST", "/products", { sku: "CUP-BLU", name: "Blue cup", priceCents: 650 });
    expect(res.status).toBe(201);
    expect(res.headers.get("location")).toBe("/products/5");
    expect(res.body).toEqual({ id: 5, sku: "CUP-BLU", name: "Blue cup", priceCents: 650, stock: 0 });
    const again = await send(db, "POST", "/products", { sku: "CUP-BLU", name: "Blue cup", priceCents: 650 });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ type: "/problems/sku-taken" });
  });

  it("deletes with 204 and no body, and answers 409 for a product that was ordered", async () => {
    const res = await send(db, "DELETE", "/products/3");
    expect(res.status).toBe(204);
    expect(res.text).toBe("");
    expect((await send(db, "GET", "/products/3")).status).toBe(404);
    expect((await send(db, "DELETE", "/products/3")).status).toBe(404);
    const inUse = await send(db, "DELETE", "/products/1");
    expect(inUse.status).toBe(409);
    expect(inUse.body).toMatchObject({ type: "/problems/product-in-use" });
  });
});

describe("orders", () => {
  it("places an order at the current prices, takes the stock, and lists it under the user", async () => {
    const res = await send(db, "POST", "/orders", { userId: 2, lines: [{ productId: 2, quantity: 2 }, { productId: 3, quantity: 3 }], totalCents: 1 });
    expect(res.status).toBe(201);
    expect(res.headers.get("location")).toBe("/orders/2");
    const order = { id: 2, userId: 2, totalCents: 2 * 799 + 3 * 1200, lines: [{ productId: 2, quantity: 2, unitPriceCents: 799 }, { productId: 3, quantity: 3, unitPriceCents: 1200 }] };
    expect(res.body).toEqual(order);
    expect(await stockOf(2)).toBe(10);
    expect(await stockOf(3)).toBe(0);
    expect((await send(db, "GET", "/orders/2")).body).toEqual(order);
    expect((await send(db, "GET", "/users/2/orders")).body).toEqual({ items: [order] });
    expect((await send(db, "GET", "/users/3/orders")).body).toEqual({ items: [] });
    expect((await send(db, "GET", "/orders/1")).body.lines[1]).toEqual({ productId: 2, quantity: 1, unitPriceCents: 798 });
  });

  it("answers 422 naming each bad field by its path, unknown users and products included", async () => {
    const shape = await send(db, "POST", "/orders", { userId: 1, lines: [{ productId: 1, quantity: 0 }] });
    expect(shape.status).toBe(422);
    expect(Object.keys(shape.body.errors)).toEqual(["lines.0.quantity"]);
    const empty = await send(db, "POST", "/orders", { userId: 1, lines: [] });
    expect(Object.keys(empty.body.errors)).toEqual(["lines"]);
    const unknown = await send(db, "POST", "/orders", { userId: 42, lines: [{ productId: 1, quantity: 1 }, { productId: 77, quantity: 1 }] });
    expect(unknown.status).toBe(422);
    expect(Object.keys(unknown.body.errors).sort()).toEqual(["lines.1.productId", "userId"]);
    expect(await stockOf(1)).toBe(40);
  });

  it("answers 409 when any line is short of stock, and then takes no stock at all", async () => {
    const res = await send(db, "POST", "/orders", { userId: 1, lines: [{ productId: 1, quantity: 5 }, { productId: 4, quantity: 1 }] });
    expect(res.status).toBe(409);
    expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ type: "/problems/out-of-stock", status: 409 });
    expect(await stockOf(1)).toBe(40);
    expect((await db.query("SELECT 1 FROM orders")).rows).toHaveLength(1);
  });
});
