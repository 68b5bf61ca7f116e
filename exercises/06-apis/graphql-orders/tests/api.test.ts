import { beforeEach, describe, expect, it } from "vitest";
import { executeQuery } from "../api";
import { createStore, type Store } from "../store";

let store: Store;
beforeEach(() => {
  store = createStore();
});

const codes = (result: { errors?: readonly { extensions?: Record<string, unknown> }[] }) =>
  (result.errors ?? []).map((e) => e.extensions?.code);

describe("queries", () => {
  it("returns exactly the fields asked for, and null for an unknown customer", async () => {
    const result = await executeQuery(store, `{ customer(id: "c2") { name } nobody: customer(id: "c9") { id } }`);
    expect(result).toEqual({ data: { customer: { name: "Brian" }, nobody: null } });
  });

  it("resolves nested orders and their customer, each matched by id whatever order the store returns", async () => {
    const result = await executeQuery(store, `{ customer(id: "c1") { orders { id totalCents status customer { id name } } } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      customer: {
        orders: [
          { id: "o1", totalCents: 1200, status: "SHIPPED", customer: { id: "c1", name: "Ada" } },
          { id: "o3", totalCents: 9900, status: "PLACED", customer: { id: "c1", name: "Ada" } },
        ],
      },
    });
  });
});

describe("pagination", () => {
  const page = `query ($first: Int, $after: String) {
    customers(first: $first, after: $after) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } }
  }`;
  type Page = { customers: { edges: { cursor: string; node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };

  it("walks every customer with first/after cursors and stops with hasNextPage false", async () => {
    const seen: string[] = [];
    const flags: boolean[] = [];
    let after: string | null = null;
    for (let i = 0; i < 5; i++) {
      const result = await executeQuery(store, page, { first: 2, after });
      expect(result.errors).toBeUndefined();
      const { edges, pageInfo } = (result.data as unknown as Page).customers;
      seen.push(...edges.map((e) => e.node.id));
      flags.push(pageInfo.hasNextPage);
      expect(pageInfo.endCursor).toBe(edges.at(-1)?.cursor ?? null);
      if (!pageInfo.hasNextPage) break;
      after = pageInfo.endCursor;
    }
    expect(seen).toEqual(["c1", "c2", "c3", "c4", "c5"]);
    expect(flags).toEqual([true, true, false]);
  });

  it("rejects first outside 1..50 and a cursor it did not issue with BAD_USER_INPUT", async () => {
    for (const variables of [{ first: 0 }, { first: 51 }, { first: 2, after: "not-a-cursor" }]) {
      const result = await executeQuery(store, page, variables);
      expect(codes(result)).toEqual(["BAD_USER_INPUT"]);
      expect(result.errors?.[0]?.path).toEqual(["customers"]);
    }
  });
});

describe("the N+1 problem", () => {
  it("fetches the orders of a whole page with one batched call, and their customers with at most one more", async () => {
    const result = await executeQuery(store, `{ customers(first: 5) { edges { node { name orders { id customer { email } } } } } }`, {}, { maxDepth: 6 });
    expect(result.errors).toBeUndefined();
    expect(store.batches.ordersByCustomerIds).toHaveLength(1);
    expect([...store.batches.ordersByCustomerIds[0]!].sort()).toEqual(["c1", "c2", "c3", "c4", "c5"]);
    expect(store.batches.customersByIds.length).toBeLessThanOrEqual(1);
    const edges = (result.data as { customers: { edges: { node: { orders: { customer: { email: string } }[] } }[] } }).customers.edges;
    expect(edges[0]!.node.orders.map((o) => o.customer.email)).toEqual(["ada@example.com", "ada@example.com"]);
    expect(edges[3]!.node.orders).toEqual([]);
  });

  it("asks for each id once per request, and starts with an empty cache on the next request", async () => {
    const query = `{ a: customer(id: "c1") { name } b: customer(id: "c1") { email } c: customer(id: "c3") { name } }`;
    const first = await executeQuery(store, query);
    expect(first.data).toEqual({ a: { name: "Ada" }, b: { email: "ada@example.com" }, c: { name: "Chen" } });
    expect(store.batches.customersByIds).toEqual([["c1", "c3"]]);
    await executeQuery(store, query);
    expect(store.batches.customersByIds).toEqual([["c1", "c3"], ["c1", "c3"]]);
  });
});

describe("placeOrder", () => {
  const place = `mutation ($input: PlaceOrderInput!) {
    placeOrder(input: $input) {
      __typename
      ... on OrderPlaced { order { id totalCents status customer { name } } }
      ... on PlaceOrderRejected { code field }
    }
  }`;

  it("places an order that a later query sees", async () => {
    const result = await executeQuery(store, place, { input: { customerId: "c4", totalCents: 2500 } });
    expect(result).toEqual({
      data: { placeOrder: { __typename: "OrderPlaced", order: { id: "o6", totalCents: 2500, status: "PLACED", customer: { name: "Dana" } } } },
    });
    const after = await executeQuery(store, `{ customer(id: "c4") { orders { id } } }`);
    expect(after.data).toEqual({ customer: { orders: [{ id: "o6" }] } });
  });

  it("returns the typed rejection in data, not in errors, and stores nothing", async () => {
    const bad = await executeQuery(store, place, { input: { customerId: "c1", totalCents: 0 } });
    expect(bad).toEqual({ data: { placeOrder: { __typename: "PlaceOrderRejected", code: "INVALID_TOTAL", field: "totalCents" } } });
    const missing = await executeQuery(store, place, { input: { customerId: "c42", totalCents: 100 } });
    expect(missing).toEqual({ data: { placeOrder: { __typename: "PlaceOrderRejected", code: "CUSTOMER_NOT_FOUND", field: "customerId" } } });
    const orders = await executeQuery(store, `{ customer(id: "c1") { orders { id } } }`);
    expect(orders.data).toEqual({ customer: { orders: [{ id: "o1" }, { id: "o3" }] } });
  });

  it("lets the schema reject input of the wrong shape before any resolver runs", async () => {
    const result = await executeQuery(store, place, { input: { customerId: "c1" } });
    expect(result.data).toBeUndefined();
    expect(result.errors?.length).toBeGreaterThan(0);
    expect(store.batches.customersByIds).toEqual([]);
  });
});

describe("limits and errors", () => {
  it("rejects a query deeper than the limit before executing it, fragments included, and accepts one at the limit", async () => {
    const deep = `{ customer(id: "c1") { orders { customer { orders { customer { name } } } } } }`; // depth 6
    const viaFragment = `{ customer(id: "c1") { ...More } } fragment More on Customer { orders { customer { orders { customer { id } } } } }`;
    for (const query of [deep, viaFragment]) {
      const result = await executeQuery(store, query);
      expect(result.data).toBeUndefined();
      expect(codes(result)).toEqual(["QUERY_TOO_DEEP"]);
    }
    expect(store.batches).toEqual({ customersByIds: [], ordersByCustomerIds: [], listCustomers: 0 });
    expect((await executeQuery(store, deep, {}, { maxDepth: 6 })).errors).toBeUndefined();
    const atFive = `{ customer(id: "c1") { orders { customer { orders { id } } } } }`;
    expect((await executeQuery(store, atFive)).errors).toBeUndefined();
    expect(codes(await executeQuery(store, atFive, {}, { maxDepth: 4 }))).toEqual(["QUERY_TOO_DEEP"]);
  });

  it("turns a failing resolver into a partial result with the error's path", async () => {
    store.failOrders = true;
    const result = await executeQuery(store, `{ customer(id: "c1") { name orders { id } } }`);
    expect(result.data).toEqual({ customer: { name: "Ada", orders: null } });
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0]?.path).toEqual(["customer", "orders"]);
  });

  it("answers a syntax error with errors, without throwing", async () => {
    const result = await executeQuery(store, `{ customer(id: "c1") { name `);
    expect(result.data).toBeUndefined();
    expect(result.errors?.length).toBe(1);
  });
});
