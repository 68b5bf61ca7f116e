import { buildSchema, GraphQLError, type GraphQLFieldResolver } from "graphql";
import { DataLoader } from "./loader";
import type { Customer, Order, Store } from "./store";

// TODO: complete the schema from the README: Customer.orders, Order.customer, the customers connection
// (CustomerConnection, CustomerEdge, PageInfo) and the placeOrder mutation with its input and result union.
export const schema = buildSchema(/* GraphQL */ `
  type Customer { id: ID!, name: String!, email: String! }
  enum OrderStatus { PLACED, SHIPPED }
  type Order { id: ID!, totalCents: Int!, status: OrderStatus! }
  type Query {
    customer(id: ID!): Customer
  }
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
    // TODO: one store call per batch; return one entry per id, in the ids' order (null for an unknown customer).
    customers: new DataLoader(async () => { throw new Error("not implemented"); }),
    ordersOf: new DataLoader(async () => { throw new Error("not implemented"); }),
  };
}

/** Thrown from a resolver, this becomes an entry in `errors` with extensions.code BAD_USER_INPUT. */
export const badInput = (message: string) => new GraphQLError(message, { extensions: { code: "BAD_USER_INPUT" } });

type Resolvers = Record<string, Record<string, GraphQLFieldResolver<any, Context, any>>>;

/** Field resolvers by type, then field; a field without one reads the property of the same name. */
export const resolvers: Resolvers = {
  Query: {
    customer: (_, { id }: { id: string }, ctx) => ctx.customers.load(id),
    // TODO: customers(first, after), with opaque cursors and first limited to 1..50.
  },
  // TODO: Customer.orders and Order.customer through the context's loaders; Mutation.placeOrder.
};
