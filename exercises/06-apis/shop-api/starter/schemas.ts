import { z } from "zod";

// Requests: what a client may send. Unknown fields are stripped, not rejected.

// TODO: the request rules from the README, as zod schemas. Each one becomes a requestBody schema in
// openapi.ts, so write them once here and let both the handlers and the document use them.
export const UserInput = z.object({});

export const ProductInput = z.object({});

/** PATCH: any subset of the product's changeable fields (the sku is its business key and never changes). */
export const ProductPatch = z.object({});

export const OrderInput = z.object({ userId: z.int(), lines: z.array(z.object({ productId: z.int(), quantity: z.int() })) });

// Responses: exactly what the API sends back.

export const User = z.strictObject({ id: z.int(), email: z.string(), name: z.string() });

export const Product = z.strictObject({
  id: z.int(),
  sku: z.string(),
  name: z.string(),
  priceCents: z.int(),
  stock: z.int(),
});

export const Order = z.strictObject({
  id: z.int(),
  userId: z.int(),
  totalCents: z.int(),
  lines: z.array(z.strictObject({ productId: z.int(), quantity: z.int(), unitPriceCents: z.int() })),
});

export const Problem = z.strictObject({
  type: z.string(),
  title: z.string(),
  status: z.int(),
  detail: z.string().optional(),
  errors: z.record(z.string(), z.string()).optional(),
});

export const listOf = <T extends z.ZodType>(item: T) => z.strictObject({ items: z.array(item) });

export type UserOut = z.infer<typeof User>;
export type ProductOut = z.infer<typeof Product>;
export type OrderOut = z.infer<typeof Order>;
