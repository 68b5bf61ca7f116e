/** The data layer behind the API (read-only). Every fetch is recorded so the tests can count round trips. */
export interface Customer { id: string; name: string; email: string }
export interface Order { id: string; customerId: string; totalCents: number; status: "PLACED" | "SHIPPED" }

export interface Store {
  /** Each call's ids, in call order: one entry per round trip to the database. */
  readonly batches: { customersByIds: string[][]; ordersByCustomerIds: string[][]; listCustomers: number };
  /** When set, ordersByCustomerIds rejects (the orders service is down). */
  failOrders: boolean;
  /** The customers with these ids, in no particular order; unknown ids are simply missing. */
  customersByIds(ids: readonly string[]): Promise<Customer[]>;
  /** Every order of these customers, oldest first, in no particular customer order. */
  ordersByCustomerIds(ids: readonly string[]): Promise<Order[]>;
  /** Up to `limit` customers with an id greater than `afterId` (null: from the start), by id. */
  listCustomers(afterId: string | null, limit: number): Promise<Customer[]>;
  insertOrder(customerId: string, totalCents: number): Promise<Order>;
}

const seedCustomers: Customer[] = [
  { id: "c1", name: "Ada", email: "ada@example.com" },
  { id: "c2", name: "Brian", email: "brian@example.com" },
  { id: "c3", name: "Chen", email: "chen@example.com" },
  { id: "c4", name: "Dana", email: "dana@example.com" },
  { id: "c5", name: "Emeka", email: "emeka@example.com" },
];
const seedOrders: Order[] = [
  { id: "o1", customerId: "c1", totalCents: 1200, status: "SHIPPED" },
  { id: "o2", customerId: "c2", totalCents: 450, status: "PLACED" },
  { id: "o3", customerId: "c1", totalCents: 9900, status: "PLACED" },
  { id: "o4", customerId: "c3", totalCents: 300, status: "SHIPPED" },
  { id: "o5", customerId: "c5", totalCents: 7000, status: "PLACED" },
];

export function createStore(): Store {
  const customers = seedCustomers.map((c) => ({ ...c }));
  const orders = seedOrders.map((o) => ({ ...o }));
  const batches = { customersByIds: [] as string[][], ordersByCustomerIds: [] as string[][], listCustomers: 0 };
  const store: Store = {
    batches,
    failOrders: false,
    async customersByIds(ids) {
      batches.customersByIds.push([...ids]);
      // Reversed on purpose: a database returns rows in whatever order suits it.
      return customers.filter((c) => ids.includes(c.id)).reverse().map((c) => ({ ...c }));
    },
    async ordersByCustomerIds(ids) {
      batches.ordersByCustomerIds.push([...ids]);
      if (store.failOrders) throw new Error("orders service unavailable");
      return orders.filter((o) => ids.includes(o.customerId)).map((o) => ({ ...o }));
    },
    async listCustomers(afterId, limit) {
      batches.listCustomers += 1;
      return customers.filter((c) => afterId === null || c.id > afterId).slice(0, limit).map((c) => ({ ...c }));
    },
    async insertOrder(customerId, totalCents) {
      const order: Order = { id: `o${orders.length + 1}`, customerId, totalCents, status: "PLACED" };
      orders.push(order);
      return { ...order };
    },
  };
  return store;
}
