import type { Store } from "./store";

const PRODUCT_CACHE = "public, max-age=60, s-maxage=600";
const MISSING_CACHE = "public, max-age=30";
const LANGUAGES = ["en", "de"] as const;
type Language = (typeof LANGUAGES)[number];

/** `"` + SHA-256 of the body in hex + `"`: equal bytes, equal tag; one byte changed, a new one. */
export async function strongEtag(body: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(body));
  const hex = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
  return `"${hex}"`;
}

/** RFC 9110 §13.1.2: `*`, or a list of entity tags compared weakly (W/ ignored on both sides). */
export function ifNoneMatchMatches(header: string | null, etag: string): boolean {
  if (header === null) return false;
  if (header.trim() === "*") return true;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, "");
  const wanted = opaque(etag);
  // Entity tags cannot contain a comma or a quote inside the quotes, so a split on commas is exact.
  return header.split(",").some((tag) => opaque(tag) === wanted);
}

export async function handle(request: Request, store: Store): Promise<Response> {
  const url = new URL(request.url);
  if (request.method !== "GET") {
    return new Response(null, { status: 405, headers: { Allow: "GET", "Cache-Control": "no-store" } });
  }
  const product = /^\/products\/([1-9]\d*)$/.exec(url.pathname);
  if (product) return productResponse(request, store, Number(product[1]));
  if (url.pathname === "/account" || url.pathname === "/account/card") {
    const token = /^Bearer (\S+)$/.exec(request.headers.get("Authorization") ?? "")?.[1];
    const account = token ? store.account(token) : undefined;
    if (!account) return json({ error: "UNAUTHORIZED" }, 401, { "Cache-Control": "no-store" });
    if (url.pathname === "/account/card") {
      // A card number must not be written to any disk cache, the browser's included.
      return json({ last4: account.cardLast4 }, 200, { "Cache-Control": "private, no-cache" });
    }
    // Only this user's browser may keep it, and must ask before each reuse; the version is a
    // cheap validator that says "same meaning", not "same bytes": a weak ETag.
    const headers = { "Cache-Control": "private, no-cache", ETag: `W/"${account.version}"` };
    if (ifNoneMatchMatches(request.headers.get("If-None-Match"), headers.ETag)) return notModified(headers);
    return json({ user: account.user, email: account.email }, 200, headers);
  }
  return json({ error: "NOT_FOUND" }, 404, { "Cache-Control": "no-store" });
}

async function productResponse(request: Request, store: Store, id: number): Promise<Response> {
  const found = store.product(id);
  if (!found) return json({ error: "NOT_FOUND" }, 404, { "Cache-Control": MISSING_CACHE });
  const language = pickLanguage(request.headers.get("Accept-Language"));
  const body = JSON.stringify({ id: found.id, name: found.name[language], priceCents: found.priceCents });
  const headers = {
    "Cache-Control": PRODUCT_CACHE,
    ETag: await strongEtag(body),
    // Caches must key the stored copy by the language asked for, or a German page reaches English readers.
    Vary: "Accept-Language",
    "Content-Language": language,
  };
  if (ifNoneMatchMatches(request.headers.get("If-None-Match"), headers.ETag)) return notModified(headers);
  return new Response(body, { status: 200, headers: { ...headers, "Content-Type": "application/json" } });
}

/** The supported language with the highest q (ties: first listed); `en` when none is acceptable. */
function pickLanguage(header: string | null): Language {
  let best: { language: Language; q: number } | undefined;
  for (const part of (header ?? "").split(",")) {
    const [range, ...params] = part.trim().split(";");
    const primary = range.trim().toLowerCase().split("-")[0];
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    const language = LANGUAGES.find((l) => l === primary);
    if (!language || !(q > 0)) continue;
    if (!best || q > best.q) best = { language, q };
  }
  return best?.language ?? "en";
}

/** 304 carries the headers a 200 would have (RFC 9110 §15.4.5), but no body. */
function notModified(headers: Record<string, string>): Response {
  return new Response(null, { status: 304, headers });
}

function json(value: unknown, status: number, headers: Record<string, string>): Response {
  return new Response(JSON.stringify(value), { status, headers: { ...headers, "Content-Type": "application/json" } });
}
