import { z } from "zod";

// Requests: what a client may send. Unknown fields are stripped, not rejected.

export const UserInput = z.object({
  email: z.email().max(254),
  name: z.string().trim().min(1).max(100),
});

export const ProductInput = z.object({
  sku: z.string().regex(/^[A-Z0-9-]{2,20}$/),
  name: z.string().trim().min(1).max(100),
  priceCents: z.int().min(0).max(10_000_000),
  stock: z.int().min(0).max(1_000_000).default(0),
});

/** PATCH: any subset of the product's changeable fields (the sku is its business key and never changes). */
export const ProductPatch = ProductInput.omit({ sku: true }).partial().extend({
  stock: z.int().min(0).max(1_000_000).optional(),
});

export const OrderInput = z.object({
  userId: z.int().min(1),
  lines: z
    .array(z.object({ productId: z.int().min(1), quantity: z.int().min(1).max(100) }))
    .min(1)
    .max(20),
});

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
