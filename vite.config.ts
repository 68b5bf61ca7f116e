import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";
import { catalogRoot } from "./build/catalog-root";
import { nodeShims } from "./build/node-shims-plugin";
import { packageTypes } from "./build/package-types-plugin";
import { pgliteSnapshot } from "./build/pglite-snapshot-plugin";
import { securityHeaders, securityHeadersAllowing } from "./build/security-headers";
import { serviceWorker } from "./build/service-worker-plugin";
import { embedServerHeaders } from "./build/embed-headers-plugin";

const catalog = catalogRoot(import.meta.dirname);

export default defineConfig({
  resolve: { alias: catalog.alias },
  define: catalog.define,
  plugins: [react(), pgliteSnapshot(), packageTypes(), serviceWorker(), embedServerHeaders()],
  // PGlite ships its own wasm and data files; pre-bundling breaks the paths it loads them from.
  optimizeDeps: { exclude: ["@electric-sql/pglite"] },
  // The runtime worker loads package chunks lazily; only ES-module workers can split code.
  worker: { format: "es", plugins: () => [nodeShims()] },
  build: {
    target: "es2023",
    rollupOptions: {
      // embed: one exercise for other sites' iframes; sdk: embed.js, their script, at a stable address.
      input: { main: "index.html", runner: "runner.html", embed: "embed.html", sdk: "src/embed/sdk.ts" },
      output: { entryFileNames: (chunk) => (chunk.name === "sdk" ? "embed.js" : "assets/[name]-[hash].js") },
      // The SDK's exports are its API.
      preserveEntrySignatures: "exports-only",
    },
  },
  server: {
    host: "127.0.0.1",
    port: 5173,
    // The dev server adds React's fast-refresh preamble as an inline script; allow exactly that one.
    headers: securityHeadersAllowing([react.preambleCode.replace("__BASE__", "/")]),
  },
  preview: { host: "127.0.0.1", port: 4173, headers: { ...securityHeaders } },
});
