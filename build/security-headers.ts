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

export function contentSecurityPolicy(extraScriptSources: string[] = []): string {
  return Object.entries(CSP)
    .map(([directive, sources]) =>
      [directive, ...sources, ...(directive === "script-src" ? extraScriptSources : [])].join(" "),
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
