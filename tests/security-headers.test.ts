import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { securityHeaders } from "../build/security-headers";
import { serveStatic } from "../src/cli/browser/static-server";
import viteConfig from "../vite.config";

/** Every place the app is served from sends the same COOP, COEP and CSP. */
describe("security headers", () => {
  it("public/_headers ships them for static hosts", async () => {
    const text = await readFile("public/_headers", "utf8");
    const lines = text.split("\n").filter((line) => line.trim() !== "" && !line.startsWith("#"));
    expect(lines[0]).toBe("/*");
    const headers = Object.fromEntries(lines.slice(1).map((line) => line.trim().split(/:\s(.*)/s).slice(0, 2)));
    expect(headers).toEqual(securityHeaders);
  });

  it("the dev and preview servers send them; dev allows only React's refresh preamble besides", () => {
    const config = viteConfig as { server?: { headers?: Record<string, string> }; preview?: { headers?: Record<string, string> } };
    expect(config.preview?.headers).toEqual(securityHeaders);
    const dev = config.server?.headers ?? {};
    expect(dev["Cross-Origin-Embedder-Policy"]).toBe("require-corp");
    expect(dev["Content-Security-Policy"]).toMatch(/script-src 'self' blob: 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/]+=*';/);
    expect(dev["Content-Security-Policy"].replace(/ 'sha256-[^']+'/, "")).toBe(securityHeaders["Content-Security-Policy"]);
  });

  it("the CLI's static server sends them with every response, 404s included", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "roadlab-static-"));
    await writeFile(path.join(dir, "index.html"), "<!doctype html><title>x</title>");
    const server = await serveStatic(dir);
    try {
      for (const url of [`${server.url}/`, `${server.url}/missing.js`]) {
        const response = await fetch(url);
        for (const [name, value] of Object.entries(securityHeaders)) expect(response.headers.get(name)).toBe(value);
      }
    } finally {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("names no other origin where code could load or send from; only the opt-in WebContainer may be framed", () => {
    const directives = Object.fromEntries(
      securityHeaders["Content-Security-Policy"].split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1)]),
    );
    expect(directives["default-src"]).toEqual(["'self'"]);
    expect(directives["connect-src"]).toEqual(["'self'"]);
    expect(directives["script-src"]).toEqual(["'self'", "blob:", "'wasm-unsafe-eval'"]);
    expect(directives["worker-src"]).toEqual(["'self'", "blob:"]);
    expect(directives["frame-src"]).toEqual(["'self'", "https://stackblitz.com", "https://*.webcontainer-api.io"]);
    const others = Object.entries(directives).filter(([name]) => name !== "frame-src");
    expect(others.flatMap(([, sources]) => sources).filter((s) => /^https?:|\*|'unsafe-eval'/.test(s))).toEqual([]);
  });
});
