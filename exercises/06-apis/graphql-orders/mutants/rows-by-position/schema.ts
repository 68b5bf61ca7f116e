import { buildSchema, GraphQLError, type GraphQLFieldResolver } from "graphql";
import { DataLoader } from "./loader";
import type { Customer, Order, Store } from "./store";

export const schema = buildSchema(/* GraphQL */ `
  type Customer { id: ID!, name: String!, email: String!, orders: [Order!] }
  enum OrderStatus { PLACED, SHIPPED }
  type Order { id: ID!, totalCents: Int!, status: OrderStatus!, customer: Customer! }
  type PageInfo { hasNextPage: Boolean!, endCursor: String }
  type CustomerEdge { cursor: String!, node: Customer! }
  type CustomerConnection { edges: [CustomerEdge!]!, pageInfo: PageInfo! }
  type Query {
    customer(id: ID!): Customer
    customers(first: Int = 10, after: String): CustomerConnection!
  }
  input PlaceOrderInput { customerId: ID!, totalCents: Int! }
  type OrderPlaced { order: Order! }
  enum PlaceOrderErrorCode { CUSTOMER_NOT_FOUND, INVALID_TOTAL }
  type PlaceOrderRejected { code: PlaceOrderErrorCode!, field: String!, message: String! }
  union PlaceOrderResult = OrderPlaced | PlaceOrderRejected
  type Mutation { placeOrder(input: PlaceOrderInput!): PlaceOrderResult! }
`);

/** Per request: the store and fresh loaders, so one request's cache never serves another. */
export interface Context {
  store: Store;
  customers: DataLoader<string, Customer | null>;
  ordersOf: DataLoader<string, Order[]>;
}

export function createContext(store: Store): Context {
  return {
    store,
    customers: new DataLoader(async (ids) => {
      const rows = await store.customersByIds(ids);
      return ids.map((_, i) => rows[i] ?? null);
    }),
    ordersOf: new DataLoader(async (ids) => {
      const orders = await store.ordersByCustomerIds(ids);
      return ids.map((id) => orders.filter((o) => o.customerId === id));
    }),
  };
}

const encodeCursor = (id: string) => btoa(`customer:${id}`);
function decodeCursor(cursor: string): string {
  let text = "";
  try { text = atob(cursor); } catch { /* reported below */ }
  if (!text.startsWith("customer:")) throw badInput("after is not a cursor this API issued");
  return text.slice("customer:".length);
}
export const badInput = (message: string) => new GraphQLError(message, { extensions: { code: "BAD_USER_INPUT" } });

type Resolvers = Record<string, Record<string, GraphQLFieldResolver<any, Context, any>>>;

export const resolvers: Resolvers = {
  Query: {
    customer: (_, { id }: { id: string }, ctx) => ctx.customers.load(id),
    customers: async (_, { first, after }: { first: number; after?: string | null }, ctx) => {
      if (first < 1 || first > 50) throw badInput("first must be between 1 and 50");
      const afterId = after == null ? null : decodeCursor(after);
      const rows = await ctx.store.listCustomers(afterId, first + 1);
      const page = rows.slice(0, first);
      const edges = page.map((node) => ({ cursor: encodeCursor(node.id), node }));
      return { edges, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null } };
    },
  },
  Customer: {
    orders: (customer: Customer, _, ctx) => ctx.ordersOf.load(customer.id),
  },
  Order: {
    customer: (order: Order, _, ctx) => ctx.customers.load(order.customerId),
  },
  Mutation: {
    placeOrder: async (_, { input }: { input: { customerId: string; totalCents: number } }, ctx) => {
      if (input.totalCents <= 0) {
        return { __typename: "PlaceOrderRejected", code: "INVALID_TOTAL", field: "totalCents", message: "totalCents must be positive" };
      }
      if (!(await ctx.customers.load(input.customerId))) {
        return { __typename: "PlaceOrderRejected", code: "CUSTOMER_NOT_FOUND", field: "customerId", message: `no customer ${input.customerId}` };
      }
      return { __typename: "OrderPlaced", order: await ctx.store.insertOrder(input.customerId, input.totalCents) };
    },
  },
};
