import { Hono } from "hono";
import type { CatalogIndex } from "./catalog-index";
import { DEFAULT_PER_PAGE, MAX_PER_PAGE, MAX_QUERY_LENGTH, type Problem, type SearchQuery } from "./types";

/** GET /search over the index. It never reads the database: the index answers alone. */
export function createSearchApp(index: CatalogIndex): Hono {
  const app = new Hono();
  app.get("/search", (c) => {
    // TODO: validate the query string (400 problem+json naming every bad parameter),
    // then answer with index.search(query).
    const query: SearchQuery = { q: c.req.query("q") ?? "", page: 1, perPage: DEFAULT_PER_PAGE };
    void MAX_PER_PAGE;
    void MAX_QUERY_LENGTH;
    const notYet: Problem = { type: "about:blank", title: "Not implemented", status: 501, detail: "TODO", errors: {} };
    void query;
    void index;
    return c.json(notYet, 501);
  });
  return app;
}
