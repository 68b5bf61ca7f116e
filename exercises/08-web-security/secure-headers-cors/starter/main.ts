/** A web-standard request handler, as in Deno, Bun, Cloudflare Workers or Hono. */
export type Handler = (req: Request) => Response | Promise<Response>;

export interface SecurityOptions {
  /**
   * Origins allowed to read responses from other sites, written exactly as browsers send them:
   * "https://app.example.com", "http://localhost:5173". Or ["*"] for a public, credential-free API.
   */
  allowedOrigins: readonly string[];
  /** Methods a preflight may ask for. Default: GET, HEAD, POST. */
  allowedMethods?: readonly string[];
  /** Request headers a preflight may ask for (any case). Default: Content-Type. */
  allowedHeaders?: readonly string[];
  /** Response headers cross-origin scripts may read, beyond the basic ones. Default: none. */
  exposedHeaders?: readonly string[];
  /** Allow cookies / HTTP auth on cross-origin requests. Default false. Never with "*". */
  credentials?: boolean;
  /** How long browsers may cache a preflight answer. Default 600 seconds. */
  maxAgeSeconds?: number;
  /** Replaces DEFAULT_CSP. */
  contentSecurityPolicy?: string;
}

/**
 * The Content-Security-Policy sent when options.contentSecurityPolicy is not given.
 * TODO: only our own origin by default, no plugins (object-src), no <base> tag tricks (base-uri),
 * and no framing by other sites (frame-ancestors). See the README.
 */
export const DEFAULT_CSP = "TODO";

/** TODO: the Strict-Transport-Security value: two years (in seconds), subdomains included. */
export const HSTS = "TODO";

/**
 * Wraps `handler` with CORS (allow-listed origins, preflight answers) and security headers.
 * Throws a TypeError straight away for an unsafe or invalid configuration.
 */
export function withSecurity(handler: Handler, options: SecurityOptions): Handler {
  // TODO 1 (now, not per request): validate options. "*" with credentials → TypeError; every
  //        other entry must be a real origin: new URL(o).origin === o, http: or https:.
  return async (req) => {
    // TODO 2: a preflight is OPTIONS + Origin + Access-Control-Request-Method. Answer it here
    //         (204 with the Access-Control-Allow-* headers, or 403 without them); never call the handler.
    // TODO 3: otherwise call the handler and COPY its response (its headers may be immutable).
    //         For an allowed Origin add Access-Control-Allow-Origin (+ -Credentials, -Expose-Headers).
    //         Add Vary: Origin unless the policy is "*", keeping the handler's Vary values.
    // TODO 4: security headers on every response (unless the handler set its own): CSP,
    //         X-Content-Type-Options, Referrer-Policy, X-Frame-Options, HSTS on https only.
    //         Remove X-Powered-By.
    throw new Error("TODO: implement withSecurity");
  };
}

/** Escapes the five characters that can end text or an attribute value in HTML. */
export function escapeHtml(text: string): string {
  // TODO: & < > " ' → &amp; &lt; &gt; &quot; &#39; (mind the order).
  throw new Error("TODO: implement escapeHtml");
}

export interface Profile {
  name: string;
  bio: string;
  /** Shown as a link only if it is an absolute http: or https: URL. */
  website?: string;
}

/**
 * A user's public profile page. Keep the markup exactly as it is.
 * ⚠ Right now every user-supplied string goes into the HTML as-is: a name like
 * "<script>…</script>" runs in every visitor's browser.
 */
export function renderProfilePage(profile: Profile): string {
  // TODO: escape name and bio; link the website only if it is an http:/https: URL, and escape it too.
  const name = profile.name;
  const link = profile.website ? `<a href="${profile.website}" rel="nofollow noopener">Website</a>` : "";
  return [
    "<!doctype html>",
    `<html><head><meta charset="utf-8"><title>${name}</title></head>`,
    `<body><h1>${name}</h1><p class="bio">${profile.bio}</p>${link}</body></html>`,
  ].join("\n");
}
