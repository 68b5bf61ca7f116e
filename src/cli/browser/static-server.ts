import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import sirv from "sirv";
import { embedHeaders, LOOPBACK_ORIGINS, sdkHeaders, securityHeaders } from "../../../build/security-headers";

/**
 * Serves a built app on a free loopback port; nothing else on the machine can reach it. Every
 * response carries the app's security headers, so the CLI's browser runtime runs learner code
 * under the same CSP as the deployed app.
 */
export async function serveStatic(
  dir: string,
  // Pages on loopback may frame embed.html: this server is reachable from loopback only.
  embedOrigins: readonly string[] = LOOPBACK_ORIGINS,
): Promise<{ url: string; close: () => Promise<void> }> {
  // dev: looks files up per request, so a rebuild during a session answers 404 instead of crashing on a vanished file.
  const handler = sirv(dir, { dev: true, etag: true });
  const forEmbed = embedHeaders(embedOrigins);
  const server = createServer((req, res) => {
    const pathname = (req.url ?? "/").split(/[?#]/)[0];
    const headers = pathname === "/embed.html" ? forEmbed : pathname === "/embed.js" ? { ...securityHeaders, ...sdkHeaders } : securityHeaders;
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    handler(req, res, () => {
      res.statusCode = 404;
      res.end("not found");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
