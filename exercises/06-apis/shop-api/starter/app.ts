import { Hono } from "hono";
import type { Db } from "@roadlab/db";
import { openApiDocument } from "./openapi";
import { ApiProblem, notFound } from "./problems";

/** The shop's JSON API over `db`: users, products and orders (see the README's route table). */
export function createApp(db: Db): Hono {
  const app = new Hono();

  app.get("/openapi.json", (c) => c.json(openApiDocument()));

  // TODO: the routes, each validating its body with the schemas in schemas.ts, and 405 with Allow
  // for a known path asked with a method it does not have.
  void db;

  app.notFound(() => notFound().toResponse());
  app.onError((err) => (err instanceof ApiProblem ? err : new ApiProblem(500, "about:blank", "Internal Server Error", "Something went wrong on our side.")).toResponse());
  return app;
}
