import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A page on another loopback origin (its own port), standing in for a school's site that embeds
 * an exercise. Serves the given HTML pages by path; nothing else.
 */
export async function serveHostPages(pages: Record<string, string>): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    const page = pages[(req.url ?? "/").split("?")[0]];
    res.writeHead(page === undefined ? 404 : 200, { "Content-Type": "text/html; charset=utf-8" });
    res.end(page ?? "not found");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
