import type { ServerResponse } from "node:http";
import type { Connect, Plugin } from "vite";
import { embedHeaders, LOOPBACK_ORIGINS, sdkHeaders } from "./security-headers";

/**
 * The dev and preview servers send the app's headers with every response (vite.config.ts);
 * embed.html may be framed by pages on loopback instead, and embed.js loaded from them.
 * Vite writes its configured headers when it answers, so later writes of these names are pinned.
 */
export function embedServerHeaders(origins: readonly string[] = LOOPBACK_ORIGINS): Plugin {
  const middleware: Connect.NextHandleFunction = (req, res, next) => {
    const pathname = (req.url ?? "").split(/[?#]/)[0];
    if (pathname === "/embed.html") pin(res, embedHeaders(origins));
    else if (pathname === "/embed.js" || pathname === "/src/embed/sdk.ts") pin(res, sdkHeaders);
    next();
  };
  return {
    name: "roadlab:embed-headers",
    configureServer: (server) => void server.middlewares.use(middleware),
    configurePreviewServer: (server) => void server.middlewares.use(middleware),
  };
}

function pin(res: ServerResponse, headers: Record<string, string>) {
  const pinned = new Map(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
  const setHeader = res.setHeader.bind(res);
  res.setHeader = (name, value) => setHeader(name, pinned.get(name.toLowerCase()) ?? value);
  for (const [name, value] of Object.entries(headers)) setHeader(name, value);
}
