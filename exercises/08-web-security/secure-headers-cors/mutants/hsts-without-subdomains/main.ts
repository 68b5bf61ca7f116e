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

/** Only our own origin may load scripts, styles, images…; no plugins, no <base> tricks, no framing. */
export const DEFAULT_CSP = "default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

/** Two years, subdomains included: browsers then refuse plain http for this host. */
export const HSTS = "max-age=63072000";

const PREFLIGHT_VARY = ["Origin", "Access-Control-Request-Method", "Access-Control-Request-Headers"];

/**
 * Wraps `handler` with CORS (allow-listed origins, preflight answers) and security headers.
 * Throws a TypeError straight away for an unsafe or invalid configuration.
 */
export function withSecurity(handler: Handler, options: SecurityOptions): Handler {
  const config = resolveConfig(options);

  return async (req) => {
    const origin = req.headers.get("Origin");
    const requestedMethod = req.headers.get("Access-Control-Request-Method");

    let res: Response;
    if (req.method === "OPTIONS" && origin !== null && requestedMethod !== null) {
      // A preflight is the browser asking permission; the handler never sees it.
      res = preflight(config, origin, requestedMethod, req.headers.get("Access-Control-Request-Headers"));
    } else {
      // Copy: the handler's Response may have immutable headers (fetch(), Response.redirect()).
      res = copy(await handler(req));
      if (origin !== null && config.allows(origin)) {
        res.headers.set("Access-Control-Allow-Origin", config.anyOrigin ? "*" : origin);
        if (config.credentials) res.headers.set("Access-Control-Allow-Credentials", "true");
        if (config.exposedHeaders.length > 0) res.headers.set("Access-Control-Expose-Headers", config.exposedHeaders.join(", "));
      }
      // The answer depends on Origin, so shared caches must key on it, even for requests without one.
      if (!config.anyOrigin) addVary(res.headers, ["Origin"]);
    }
    addSecurityHeaders(res.headers, config, new URL(req.url).protocol === "https:");
    return res;
  };
}

/** Escapes the five characters that can end text or an attribute value in HTML. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;") // first, or it would re-escape the entities below
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

export interface Profile {
  name: string;
  bio: string;
  /** Shown as a link only if it is an absolute http: or https: URL. */
  website?: string;
}

/** A user's public profile page. Every user-supplied string is escaped for where it lands. */
export function renderProfilePage(profile: Profile): string {
  const name = escapeHtml(profile.name);
  const link = isWebUrl(profile.website)
    ? `<a href="${escapeHtml(profile.website)}" rel="nofollow noopener">Website</a>`
    : "";
  return [
    "<!doctype html>",
    `<html><head><meta charset="utf-8"><title>${name}</title></head>`,
    `<body><h1>${name}</h1><p class="bio">${escapeHtml(profile.bio)}</p>${link}</body></html>`,
  ].join("\n");
}

/**
 * Escaping keeps a URL inside its attribute, but `javascript:alert(1)` needs no quotes to run.
 * In a URL context, allow-list the scheme as well.
 */
function isWebUrl(value: string | undefined): value is string {
  if (value === undefined) return false;
  try {
    const { protocol } = new URL(value);
    return protocol === "https:" || protocol === "http:";
  } catch {
    return false; // relative or malformed: no link
  }
}

interface Config {
  anyOrigin: boolean;
  allows(origin: string): boolean;
  methods: string[];
  headers: string[];
  exposedHeaders: readonly string[];
  credentials: boolean;
  maxAgeSeconds: number;
  csp: string;
}

function resolveConfig(options: SecurityOptions): Config {
  const origins = new Set(options.allowedOrigins);
  const anyOrigin = origins.has("*");
  const credentials = options.credentials ?? false;
  if (anyOrigin && credentials) {
    // Browsers refuse "*" with credentials; echoing any origin instead would let every site
    // on the internet make logged-in requests and read the answers.
    throw new TypeError('allowedOrigins "*" cannot be combined with credentials: true');
  }
  for (const origin of origins) {
    if (origin !== "*" && !isOrigin(origin)) {
      throw new TypeError(`"${origin}" is not an origin: write scheme://host[:port], lowercase, no path or trailing slash`);
    }
  }
  return {
    anyOrigin,
    // Exact string comparison: no prefixes, suffixes or regular expressions to get wrong.
    allows: (origin) => anyOrigin || origins.has(origin),
    methods: [...(options.allowedMethods ?? ["GET", "HEAD", "POST"])],
    headers: [...(options.allowedHeaders ?? ["Content-Type"])],
    exposedHeaders: options.exposedHeaders ?? [],
    credentials,
    maxAgeSeconds: options.maxAgeSeconds ?? 600,
    csp: options.contentSecurityPolicy ?? DEFAULT_CSP,
  };
}

/** "https://app.example.com" is; "https://app.example.com/", "null" and "app.example.com" are not. */
function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "https:" || url.protocol === "http:") && url.origin === value;
  } catch {
    return false;
  }
}

function preflight(config: Config, origin: string, method: string, requestedHeaders: string | null): Response {
  const headers = new Headers();
  addVary(headers, PREFLIGHT_VARY);
  const wanted = (requestedHeaders ?? "")
    .split(",")
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name !== "");
  const allowedHeaders = new Set(config.headers.map((name) => name.toLowerCase()));
  const ok = config.allows(origin) && config.methods.includes(method) && wanted.every((name) => allowedHeaders.has(name));
  if (!ok) return new Response(null, { status: 403, headers });

  headers.set("Access-Control-Allow-Origin", config.anyOrigin ? "*" : origin);
  headers.set("Access-Control-Allow-Methods", config.methods.join(", "));
  if (config.headers.length > 0) headers.set("Access-Control-Allow-Headers", config.headers.join(", "));
  headers.set("Access-Control-Max-Age", String(config.maxAgeSeconds));
  if (config.credentials) headers.set("Access-Control-Allow-Credentials", "true");
  return new Response(null, { status: 204, headers });
}

/** Sets each header unless the handler chose its own value; the handler knows its page best. */
function addSecurityHeaders(headers: Headers, config: Config, https: boolean): void {
  const defaults: [string, string][] = [
    ["Content-Security-Policy", config.csp],
    ["X-Content-Type-Options", "nosniff"],
    ["Referrer-Policy", "strict-origin-when-cross-origin"],
    ["X-Frame-Options", "DENY"],
  ];
  // Over plain http, an attacker in the middle could strip or forge HSTS anyway: browsers ignore it.
  if (https) defaults.push(["Strict-Transport-Security", HSTS]);
  for (const [name, value] of defaults) if (!headers.has(name)) headers.set(name, value);
  headers.delete("X-Powered-By"); // tells attackers which exploits to try
}

function addVary(headers: Headers, names: string[]): void {
  const current = headers.get("Vary");
  if (current?.trim() === "*") return;
  const present = new Set((current ?? "").split(",").map((n) => n.trim().toLowerCase()));
  for (const name of names) if (!present.has(name.toLowerCase())) headers.append("Vary", name);
}

function copy(res: Response): Response {
  return new Response(res.body, { status: res.status, statusText: res.statusText, headers: new Headers(res.headers) });
}
