import { Hono, type Context } from "hono";
import type { Db } from "@roadlab/db";
import type { z } from "zod";
import { openApiDocument } from "./openapi";
import { ApiProblem, conflict, fieldErrors, invalidJson, methodNotAllowed, notFound, validation } from "./problems";
import { OrderInput, ProductInput, ProductPatch, UserInput, type OrderOut, type ProductOut } from "./schemas";

type Row = Record<string, unknown>;
const ID = ":id{[0-9]+}";
const MAX_ID = 2_147_483_647;

const user = (r: Row) => ({ id: r.id, email: r.email, name: r.name });
const product = (r: Row): ProductOut => ({ id: r.id as number, sku: r.sku as string, name: r.name as string, priceCents: r.price_cents as number, stock: r.stock as number });

export function createApp(db: Db): Hono {
  const app = new Hono();

  app.get("/openapi.json", (c) => c.json(openApiDocument()));

  app.get("/users", async (c) => {
    const { rows } = await db.query("SELECT * FROM users ORDER BY id");
    return c.json({ items: rows.map(user) });
  });
  app.post("/users", async (c) => {
    const input = await body(c, UserInput);
    try {
      const { rows } = await db.query("INSERT INTO users (email, name) VALUES ($1, $2) RETURNING *", [input.email, input.name]);
      return created(c, `/users/${rows[0]!.id}`, user(rows[0]!));
    } catch (err) {
      throw pgCode(err) === "23505" ? conflict("/problems/email-taken", "That email is already registered.") : err;
    }
  });
  app.get(`/users/${ID}`, async (c) => {
    const { rows } = await db.query("SELECT * FROM users WHERE id = $1", [id(c)]);
    if (rows.length === 0) throw notFound();
    return c.json(user(rows[0]!));
  });
  app.get(`/users/${ID}/orders`, async (c) => {
    const userId = id(c);
    const { rows } = await db.query("SELECT 1 FROM users WHERE id = $1", [userId]);
    if (rows.length === 0) throw notFound();
    return c.json({ items: await orders(db, "user_id", userId) });
  });

  app.get("/products", async (c) => {
    const { rows } = await db.query("SELECT * FROM products ORDER BY id");
    return c.json({ items: rows.map(product) });
  });
  app.post("/products", async (c) => {
    const p = await body(c, ProductInput);
    try {
      const { rows } = await db.query(
        "INSERT INTO products (sku, name, price_cents, stock) VALUES ($1, $2, $3, $4) RETURNING *",
        [p.sku, p.name, p.priceCents, p.stock],
      );
      return created(c, `/products/${rows[0]!.id}`, product(rows[0]!));
    } catch (err) {
      throw pgCode(err) === "23505" ? conflict("/problems/sku-taken", "Another product has that SKU.") : err;
    }
  });
  app.get(`/products/${ID}`, async (c) => {
    const { rows } = await db.query("SELECT * FROM products WHERE id = $1", [id(c)]);
    if (rows.length === 0) throw notFound();
    return c.json(product(rows[0]!));
  });
  app.patch(`/products/${ID}`, async (c) => {
    const patch = await body(c, ProductPatch);
    const productId = id(c);
    const columns = { name: "name", priceCents: "price_cents", stock: "stock" } as const;
    const params: unknown[] = [productId];
    const sets = (Object.keys(columns) as (keyof typeof columns)[])
      .filter((key) => patch[key] !== undefined)
      .map((key) => `${columns[key]} = $${params.push(patch[key])}`);
    const sql = sets.length > 0 ? `UPDATE products SET ${sets.join(", ")} WHERE id = $1 RETURNING *` : "SELECT * FROM products WHERE id = $1";
    const { rows } = await db.query(sql, params);
    if (rows.length === 0) throw notFound();
    return c.json(product(rows[0]!));
  });
  app.delete(`/products/${ID}`, async (c) => {
    try {
      const { rows } = await db.query("DELETE FROM products WHERE id = $1 RETURNING id", [id(c)]);
      if (rows.length === 0) throw notFound();
      return c.body(null, 204);
    } catch (err) {
      throw pgCode(err) === "23503" ? conflict("/problems/product-in-use", "The product appears in orders.") : err;
    }
  });

  app.post("/orders", async (c) => {
    const input = await body(c, OrderInput);
    const order = await placeOrder(db, input);
    return created(c, `/orders/${order.id}`, order);
  });
  app.get(`/orders/${ID}`, async (c) => {
    const [order] = await orders(db, "id", id(c));
    if (order === undefined) throw notFound();
    return c.json(order);
  });

  // A known path with a method it does not have: 405 and the methods it does have.
  const allowed: [string, string][] = [
    ["/users", "GET, POST"],
    [`/users/${ID}`, "GET"],
    [`/users/${ID}/orders`, "GET"],
    ["/products", "GET, POST"],
    [`/products/${ID}`, "GET, PATCH, DELETE"],
    ["/orders", "POST"],
    [`/orders/${ID}`, "GET"],
  ];
  for (const [path, allow] of allowed) {
    app.all(path, () => {
      throw methodNotAllowed(allow);
    });
  }

  app.notFound(() => notFound().toResponse());
  app.onError((err) => (err instanceof ApiProblem ? err : new ApiProblem(500, "about:blank", "Internal Server Error", "Something went wrong on our side.")).toResponse());
  return app;
}

/** The path's id; ids beyond the int column's range cannot exist, so they are 404 too. */
function id(c: Context): number {
  const value = Number(c.req.param("id"));
  if (!Number.isSafeInteger(value) || value < 1 || value > MAX_ID) throw notFound();
  return value;
}

async function body<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  let json: unknown;
  try {
    json = await c.req.json();
  } catch {
    throw invalidJson();
  }
  if (typeof json !== "object" || json === null || Array.isArray(json)) throw invalidJson();
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw validation(fieldErrors(parsed.error));
  return parsed.data;
}

function created(c: Context, location: string, resource: unknown): Response {
  return c.json(resource, 201, { location });
}

function pgCode(err: unknown): unknown {
  return (err as { code?: unknown } | null)?.code;
}

/** Checks the references (422), then takes the stock line by line; any line short of stock undoes the whole order. */
async function placeOrder(db: Db, input: z.output<typeof OrderInput>): Promise<OrderOut> {
  return (async (tx: Db) => {
    const errors: Record<string, string> = {};
    const users = await tx.query("SELECT 1 FROM users WHERE id = $1", [input.userId]);
    if (users.rows.length === 0) errors.userId = "No such user.";
    const ids = input.lines.map((l) => l.productId);
    const known = await tx.query<{ id: number }>("SELECT id FROM products WHERE id = ANY($1)", [ids]);
    const found = new Set(known.rows.map((r) => r.id));
    input.lines.forEach((line, i) => {
      if (!found.has(line.productId)) errors[`lines.${i}.productId`] = "No such product.";
    });
    if (Object.keys(errors).length > 0) throw validation(errors);

    const lines: OrderOut["lines"] = [];
    for (const line of input.lines) {
      const { rows } = await tx.query<{ price_cents: number }>(
        "UPDATE products SET stock = stock - $2 WHERE id = $1 AND stock >= $2 RETURNING price_cents",
        [line.productId, line.quantity],
      );
      if (rows.length === 0) throw conflict("/problems/out-of-stock", `Not enough stock for product ${line.productId}.`);
      lines.push({ productId: line.productId, quantity: line.quantity, unitPriceCents: rows[0]!.price_cents });
    }
    const totalCents = lines.reduce((sum, l) => sum + l.quantity * l.unitPriceCents, 0);
    const { rows } = await tx.query<{ id: number }>("INSERT INTO orders (user_id, total_cents) VALUES ($1, $2) RETURNING id", [input.userId, totalCents]);
    const orderId = rows[0]!.id;
    for (const l of lines) {
      await tx.query("INSERT INTO order_lines (order_id, product_id, quantity, unit_price_cents) VALUES ($1, $2, $3, $4)", [orderId, l.productId, l.quantity, l.unitPriceCents]);
    }
    return { id: orderId, userId: input.userId, totalCents, lines };
  })(db);
}

/** Orders matching one column, with their lines: two queries, not one per order. */
async function orders(db: Db, column: "id" | "user_id", value: number): Promise<OrderOut[]> {
  const { rows } = await db.query<{ id: number; user_id: number; total_cents: number }>(`SELECT * FROM orders WHERE ${column} = $1 ORDER BY id`, [value]);
  if (rows.length === 0) return [];
  const lines = await db.query<{ order_id: number; product_id: number; quantity: number; unit_price_cents: number }>(
    "SELECT * FROM order_lines WHERE order_id = ANY($1) ORDER BY id",
    [rows.map((r) => r.id)],
  );
  return rows.map((o) => ({
    id: o.id,
    userId: o.user_id,
    totalCents: o.total_cents,
    lines: lines.rows.filter((l) => l.order_id === o.id).map((l) => ({ productId: l.product_id, quantity: l.quantity, unitPriceCents: l.unit_price_cents })),
  }));
}
