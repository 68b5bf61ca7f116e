import { fileURLToPath } from "node:url";
import type { Plugin } from "vite";

const shim = (name: string) => fileURLToPath(new URL(`../src/harness/shims/${name}.ts`, import.meta.url));

/** Node-first packages the worker bundles for the harness helpers (ioredis-mock and what it pulls in). */
const NODE_FIRST = /[\\/]node_modules[\\/](ioredis-mock|ioredis|fengari|fengari-interop)[\\/]/;

const SHIMS: Record<string, string> = {
  crypto: shim("node-crypto"),
  stream: shim("node-stream"),
  ...Object.fromEntries(["fs", "path", "os", "util", "tmp", "readline-sync", "child_process"].map((name) => [name, shim("node-empty")])),
};

/**
 * Points those packages' `require("crypto")`, `require("stream")`, … at small in-page stand-ins,
 * only for them: nothing else in the app gets a fake Node built-in. `events` and `buffer` are the
 * npm packages of those names, which Vite picks up by itself.
 */
export function nodeShims(): Plugin {
  return {
    name: "roadlab:node-shims",
    enforce: "pre",
    resolveId(source, importer) {
      if (!importer || !NODE_FIRST.test(importer)) return null;
      const name = source.replace(/^node:/, "");
      return Object.hasOwn(SHIMS, name) ? SHIMS[name] : null;
    },
  };
}
