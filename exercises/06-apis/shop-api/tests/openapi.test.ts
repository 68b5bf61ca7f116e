import { beforeEach, describe, expect, it } from "vitest";
import { createDb, type Db } from "@roadlab/db";
import { send } from "./http";
import { check } from "./json-schema";

let db: Db;
let doc: any;
beforeEach(async () => {
  db = await createDb();
  doc = (await send(db, "GET", "/openapi.json")).body;
});

/** The API's routes as the README lists them, in OpenAPI's path-template syntax. */
const routes: [string, string][] = [
  ["get", "/users"], ["post", "/users"], ["get", "/users/{id}"], ["get", "/users/{id}/orders"],
  ["get", "/products"], ["post", "/products"], ["get", "/products/{id}"], ["patch", "/products/{id}"], ["delete", "/products/{id}"],
  ["post", "/orders"], ["get", "/orders/{id}"],
];
const methods = ["get", "put", "post", "delete", "patch"];
const concrete = (template: string) => template.replace("{id}", "1");

function operation(method: string, template: string) {
  const op = doc?.paths?.[template]?.[method];
  if (op === undefined) throw new Error(`the document has no ${method.toUpperCase()} ${template}`);
  return op;
}

/** Sends the request and checks the response against the operation's documented response for its status. */
async function conforms(method: string, template: string, path: string, body?: unknown) {
  const res = await send(db, method.toUpperCase(), path, body);
  const where = `${method.toUpperCase()} ${path} → ${res.status}`;
  const documented = operation(method, template).responses?.[String(res.status)];
  expect(documented, `${where}: status not documented`).toBeDefined();
  if (res.text === "") {
    expect(documented.content, `${where}: documented with a body, sent none`).toBeUndefined();
  } else {
    const mediaType = (res.headers.get("content-type") ?? "").split(";")[0]!.trim();
    const schema = documented.content?.[mediaType]?.schema;
    expect(schema, `${where}: no schema documented for ${mediaType}`).toBeDefined();
    expect(check(res.body, schema, doc), where).toEqual([]);
  }
  if (res.status === 201) {
    expect(Object.keys(documented.headers ?? {}).map((h) => h.toLowerCase()), `${where}: Location not documented`).toContain("location");
  }
  return res;
}

describe("the OpenAPI document", () => {
  it("is OpenAPI 3.1 and documents every route with its path parameter", async () => {
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(typeof doc.info?.title).toBe("string");
    expect(typeof doc.info?.version).toBe("string");
    for (const [method, template] of routes) {
      const op = operation(method, template);
      if (!template.includes("{id}")) continue;
      const params = [...(doc.paths[template].parameters ?? []), ...(op.parameters ?? [])];
      expect(params, `${method} ${template}`).toContainEqual(expect.objectContaining({ name: "id", in: "path", required: true }));
    }
  });

  it("documents no operation the API does not have", async () => {
    let documented = 0;
    for (const [template, item] of Object.entries<any>(doc.paths ?? {})) {
      for (const method of methods.filter((m) => m in item)) {
        const body = method === "post" || method === "patch" ? {} : undefined;
        const res = await send(db, method.toUpperCase(), concrete(template), body);
        expect([404, 405], `${method.toUpperCase()} ${template} is documented but answered ${res.status}`).not.toContain(res.status);
        documented++;
      }
    }
    expect(documented).toBeGreaterThanOrEqual(routes.length);
  });

  it("describes the successful responses exactly", async () => {
    await conforms("get", "/users", "/users");
    await conforms("post", "/users", "/users", { email: "mary@example.com", name: "Mary Jackson" });
    await conforms("get", "/users/{id}", "/users/1");
    await conforms("get", "/users/{id}/orders", "/users/1/orders");
    await conforms("get", "/products", "/products");
    await conforms("post", "/products", "/products", { sku: "CUP", name: "Cup", priceCents: 500, stock: 2 });
    await conforms("get", "/products/{id}", "/products/1");
    await conforms("patch", "/products/{id}", "/products/1", { name: "Blue gel pen" });
    await conforms("delete", "/products/{id}", "/products/3");
    await conforms("post", "/orders", "/orders", { userId: 3, lines: [{ productId: 2, quantity: 1 }] });
    await conforms("get", "/orders/{id}", "/orders/1");
  });

  it("describes the error responses exactly", async () => {
    await conforms("post", "/users", "/users", { email: "ada@example.com", name: "Ada" });
    await conforms("post", "/users", "/users", { email: 7 });
    await conforms("post", "/users", "/users", "not json");
    await conforms("get", "/users/{id}", "/users/99");
    await conforms("get", "/users/{id}/orders", "/users/99/orders");
    await conforms("post", "/products", "/products", { sku: "PEN-BLK", name: "Pen", priceCents: 1 });
    await conforms("get", "/products/{id}", "/products/99");
    await conforms("patch", "/products/{id}", "/products/1", { stock: -3 });
    await conforms("patch", "/products/{id}", "/products/99", {});
    await conforms("delete", "/products/{id}", "/products/1");
    await conforms("post", "/orders", "/orders", { userId: 1, lines: [{ productId: 4, quantity: 1 }] });
    await conforms("post", "/orders", "/orders", { userId: 1, lines: [{ productId: 1 }] });
    await conforms("get", "/orders/{id}", "/orders/99");
  });

  it("describes the request bodies the API accepts and rejects", async () => {
    const cases: [string, string, unknown, unknown[]][] = [
      ["post", "/users", { email: "dorothy@example.com", name: "Dorothy Vaughan" }, [{ email: "dorothy", name: "D" }, { name: "D" }]],
      ["post", "/products", { sku: "AB-1", name: "Thing", priceCents: 5 }, [{ sku: "ab-1", name: "Thing", priceCents: 5 }, { sku: "AB-2", name: "Thing", priceCents: -1 }]],
      ["patch", "/products/{id}", { stock: 3 }, [{ priceCents: "12" }, { stock: 1.5 }]],
      ["post", "/orders", { userId: 1, lines: [{ productId: 1, quantity: 1 }] }, [{ userId: 1, lines: [] }, { userId: 1, lines: [{ productId: 1, quantity: 101 }] }]],
    ];
    for (const [method, template, good, bads] of cases) {
      const schema = operation(method, template).requestBody?.content?.["application/json"]?.schema;
      expect(schema, `${method} ${template}: no request body schema`).toBeDefined();
      expect(check(good, schema, doc), `${method} ${template} accepts ${JSON.stringify(good)}`).toEqual([]);
      for (const bad of bads) {
        expect((await send(db, method.toUpperCase(), concrete(template), bad)).status, JSON.stringify(bad)).toBe(422);
        expect(check(bad, schema, doc).length, `${method} ${template} should reject ${JSON.stringify(bad)}`).toBeGreaterThan(0);
      }
    }
  });
});
