import type { Store } from "./store";

/** The value of the products' ETag header for this exact body: a strong validator. */
export async function strongEtag(body: string): Promise<string> {
  throw new Error("not implemented");
}

/** Whether an If-None-Match header value (null when absent) matches `etag`. */
export function ifNoneMatchMatches(header: string | null, etag: string): boolean {
  throw new Error("not implemented");
}

/** GET /products/:id, GET /account and GET /account/card, with the caching headers of the README. */
export async function handle(request: Request, store: Store): Promise<Response> {
  // TODO: route, then set Cache-Control, ETag and Vary, and answer 304 where the README says
  void store;
  return new Response("not implemented", { status: 501 });
}
