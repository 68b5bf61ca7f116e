import { createHash } from "node:crypto";

/**
 * Headers every response of the app carries: the dev and preview servers (vite.config.ts), the
 * CLI's static server, and static hosts (public/_headers, kept equal by tests/security-headers.test.ts).
 *
 * COOP + COEP make the page cross-origin isolated, which the opt-in WebContainer runtime needs.
 * The CSP is what keeps learner code, run in a worker from blob: modules, on this origin: a worker
 * created from a same-origin script gets its policy from that script's response (these headers),
 * a blob: worker or module inherits its creator's, so fetch, WebSocket, EventSource and import()
 * to another origin are all refused before a request leaves the browser.
 */
const CSP: Record<string, string[]> = {
  "default-src": ["'self'"],
  "connect-src": ["'self'"],
  // blob: for learner modules linked as blob URLs; wasm-unsafe-eval for PGlite's WebAssembly.
  "script-src": ["'self'", "blob:", "'wasm-unsafe-eval'"],
  "worker-src": ["'self'", "blob:"],
  // Only the opt-in WebContainer runtime frames StackBlitz's headless runtime (it runs code there,
  // on its own origin) and the preview of a server learner code starts (*.webcontainer-api.io);
  // nothing in a worker can create a frame, so the in-page runtime stays put.
  "frame-src": ["'self'", "https://stackblitz.com", "https://*.webcontainer-api.io"],
  // Monaco, xterm and mermaid set inline styles.
  "style-src": ["'self'", "'unsafe-inline'"],
  "img-src": ["'self'", "data:", "blob:"],
  "font-src": ["'self'", "data:"],
  "object-src": ["'none'"],
  "base-uri": ["'self'"],
  "frame-ancestors": ["'self'"],
};

export function contentSecurityPolicy(extraScriptSources: string[] = [], frameAncestors: string[] = []): string {
  return Object.entries(CSP)
    .map(([directive, sources]) =>
      [
        directive,
        ...sources,
        ...(directive === "script-src" ? extraScriptSources : []),
        ...(directive === "frame-ancestors" ? frameAncestors : []),
      ].join(" "),
    )
    .join("; ");
}

export const securityHeaders: Readonly<Record<string, string>> = {
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Embedder-Policy": "require-corp",
  "Content-Security-Policy": contentSecurityPolicy(),
};

/** The same headers, also allowing the given inline scripts by hash (the dev server's React refresh preamble). */
export function securityHeadersAllowing(inlineScripts: string[]): Record<string, string> {
  const hashes = inlineScripts.map((s) => `'sha256-${createHash("sha256").update(s).digest("base64")}'`);
  return { ...securityHeaders, "Content-Security-Policy": contentSecurityPolicy(hashes) };
}

/** Any port on the loopback hosts: what the dev and preview servers (and the e2e tests) let frame embed.html. */
export const LOOPBACK_ORIGINS = ["http://127.0.0.1:*", "http://localhost:*", "http://[::1]:*"];

/**
 * Headers for embed.html only: the app's, but pages on `origins` may frame it (the app page
 * itself stays framable by its own origin alone). CORP lets a cross-origin-isolated host frame it.
 */
export function embedHeaders(origins: readonly string[]): Record<string, string> {
  for (const origin of origins) {
    if (!/^https?:\/\/(\*\.)?[\w.-]+(:(\d+|\*))?$|^http:\/\/\[::1\](:(\d+|\*))?$/.test(origin)) {
      throw new Error(`embed origins: expected an origin such as https://school.example (scheme, host, optional port), found "${origin}"`);
    }
  }
  return {
    ...securityHeaders,
    "Cross-Origin-Resource-Policy": "cross-origin",
    "Content-Security-Policy": contentSecurityPolicy([], [...origins]),
  };
}

/** embed.js is imported by pages on other origins: a module script needs CORS to load. */
export const sdkHeaders: Readonly<Record<string, string>> = {
  "Access-Control-Allow-Origin": "*",
  "Cross-Origin-Resource-Policy": "cross-origin",
};
