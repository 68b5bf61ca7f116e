import { sdkHeaders, securityHeaders } from "../../../build/security-headers";
import { UsageError } from "../options";

const CSP = "Content-Security-Policy";

/** The app's policy without `frame-ancestors`, and the app's own `frame-ancestors` sources. */
function splitPolicy(): { base: string; appAncestors: string } {
  const directives = securityHeaders[CSP].split(/;\s*/);
  const ancestors = directives.find((d) => d.startsWith("frame-ancestors "));
  return {
    base: directives.filter((d) => d !== ancestors).join("; "),
    appAncestors: ancestors?.slice("frame-ancestors ".length) ?? "'none'",
  };
}

/** `--embed-origin` values: each exactly a web origin (scheme, host, optional port), nothing after. */
export function parseOrigins(values: readonly string[]): string[] {
  return values.map((value) => {
    let url: URL | undefined;
    try {
      url = new URL(value);
    } catch {
      url = undefined;
    }
    const origin = url && (url.protocol === "https:" || url.protocol === "http:") ? url.origin : undefined;
    if (origin !== value) {
      const near = origin ? ` — did you mean "${origin}"?` : "";
      throw new UsageError(`--embed-origin: expected an origin like https://lms.example.edu, found "${value}"${near}`);
    }
    return origin;
  });
}

/**
 * A `_headers` file (Netlify, Cloudflare Pages) giving every file the app's security headers. Both
 * hosts join the values of one header from several matching rules, and a browser enforces every
 * policy it gets, so `/*` carries the policy without `frame-ancestors` and each page adds a second
 * policy with only its own `frame-ancestors`: the app's pages keep the app's value, `embed.html`
 * lists the origins allowed to frame it.
 */
export function hostHeaders(pages: readonly string[], embedOrigins: readonly string[]): string {
  const { base, appAncestors } = splitPolicy();
  const lines = [
    "# Written by `roadlab build`: the app's security headers (build/security-headers.ts) for static hosts",
    "# that read _headers (Netlify, Cloudflare Pages). Paths are from the site's root.",
    "/*",
    ...Object.entries({ ...securityHeaders, [CSP]: base }).map(([name, value]) => `  ${name}: ${value}`),
  ];
  // embed.html always gets its rule, so a host that serves it later never frames it by the app's rule.
  for (const page of [...new Set([...pages, "embed.html"])].sort()) {
    const ancestors = page === "embed.html" && embedOrigins.length > 0 ? embedOrigins.join(" ") : appAncestors;
    const paths = page === "index.html" ? ["/", "/index.html", "/index"] : [`/${page}`, `/${page.replace(/\.html$/, "")}`];
    // A cross-origin-isolated host may frame the embed only if the embed says it may be.
    const corp = page === "embed.html" ? ["  Cross-Origin-Resource-Policy: cross-origin"] : [];
    for (const at of paths) lines.push(at, `  ${CSP}: frame-ancestors ${ancestors}`, ...corp);
  }
  // Course pages on other origins import the SDK as a module: that is a CORS request.
  lines.push("/embed.js", ...Object.entries(sdkHeaders).map(([name, value]) => `  ${name}: ${value}`));
  return `${lines.join("\n")}\n`;
}
