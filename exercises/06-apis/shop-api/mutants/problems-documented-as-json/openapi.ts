import { z } from "zod";
import { Order, OrderInput, Problem, Product, ProductInput, ProductPatch, User, UserInput, listOf } from "./schemas";

/** A zod schema as an OpenAPI 3.1 Schema Object (JSON Schema 2020-12), for what is sent ("input") or received back ("output"). */
function jsonSchema(schema: z.ZodType, io: "input" | "output") {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io });
  return rest;
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (description: string, schema: object) => ({ description, content: { "application/json": { schema } } });
const problem = (description: string) => ({ description, content: { "application/json": { schema: ref("Problem") } } });
const createdAt = (name: string) => ({
  ...json(`The new ${name.toLowerCase()}`, ref(name)),
  headers: { Location: { description: "Where the new resource lives", schema: { type: "string" } } },
});
const idParam = { name: "id", in: "path", required: true, schema: { type: "integer", minimum: 1 } };
const requestBody = (name: string) => ({ required: true, content: { "application/json": { schema: ref(name) } } });
const badBody = { "400": problem("The body is not a JSON object"), "422": problem("Some fields are invalid") };
const missing = { "404": problem("No such resource") };

export function openApiDocument() {
  return {
    openapi: "3.1.0",
    info: { title: "Shop API", version: "1.0.0" },
    paths: {
      "/users": {
        get: { operationId: "listUsers", responses: { "200": json("All users", jsonSchema(listOf(User), "output")) } },
        post: {
          operationId: "createUser",
          requestBody: requestBody("UserInput"),
          responses: { "201": createdAt("User"), ...badBody, "409": problem("The email is taken") },
        },
      },
      "/users/{id}": {
        parameters: [idParam],
        get: { operationId: "getUser", responses: { "200": json("The user", ref("User")), ...missing } },
      },
      "/users/{id}/orders": {
        parameters: [idParam],
        get: { operationId: "listUserOrders", responses: { "200": json("The user's orders", jsonSchema(listOf(Order), "output")), ...missing } },
      },
      "/products": {
        get: { operationId: "listProducts", responses: { "200": json("All products", jsonSchema(listOf(Product), "output")) } },
        post: {
          operationId: "createProduct",
          requestBody: requestBody("ProductInput"),
          responses: { "201": createdAt("Product"), ...badBody, "409": problem("The SKU is taken") },
        },
      },
      "/products/{id}": {
        parameters: [idParam],
        get: { operationId: "getProduct", responses: { "200": json("The product", ref("Product")), ...missing } },
        patch: {
          operationId: "updateProduct",
          requestBody: requestBody("ProductPatch"),
          responses: { "200": json("The updated product", ref("Product")), ...badBody, ...missing },
        },
        delete: {
          operationId: "deleteProduct",
          responses: { "204": { description: "Deleted" }, ...missing, "409": problem("The product appears in orders") },
        },
      },
      "/orders": {
        post: {
          operationId: "placeOrder",
          requestBody: requestBody("OrderInput"),
          responses: { "201": createdAt("Order"), ...badBody, "409": problem("Not enough stock") },
        },
      },
      "/orders/{id}": {
        parameters: [idParam],
        get: { operationId: "getOrder", responses: { "200": json("The order", ref("Order")), ...missing } },
      },
    },
    components: {
      schemas: {
        User: jsonSchema(User, "output"),
        Product: jsonSchema(Product, "output"),
        Order: jsonSchema(Order, "output"),
        Problem: jsonSchema(Problem, "output"),
        UserInput: jsonSchema(UserInput, "input"),
        ProductInput: jsonSchema(ProductInput, "input"),
        ProductPatch: jsonSchema(ProductPatch, "input"),
        OrderInput: jsonSchema(OrderInput, "input"),
      },
    },
  };
}
