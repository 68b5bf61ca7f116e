import { z } from "zod";
import { Order, OrderInput, Problem, Product, ProductInput, ProductPatch, User, UserInput, listOf } from "./schemas";

/** The OpenAPI 3.1 document served at /openapi.json: every route, its parameters, request body and responses. */
export function openApiDocument(): object {
  // TODO: z.toJSONSchema(schema, { io: "input" | "output" }) turns each zod schema into a Schema Object.
  void [z, Order, OrderInput, Problem, Product, ProductInput, ProductPatch, User, UserInput, listOf];
  throw new Error("not implemented");
}
