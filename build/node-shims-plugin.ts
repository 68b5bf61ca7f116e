import { fileURLToPath } from "node:url";
import type { Plugin } from "vite";

const shim = (name: string) => fileURLToPath(new URL(`../src/harness/shims/${name}.ts`, import.meta.url));
/**
 * ioredis-mock's own browser build (its package.json `browser` field) still calls `require("fs")`
 * at load time and fails in a worker; its CommonJS sources, bundled here, do not.
 */
const IOREDIS_MOCK_SOURCES = fileURLToPath(new URL("../node_modules/ioredis-mock/lib/index.js", import.meta.url));

/** Node-first packages the worker bundles: ioredis-mock and what it pulls in; just-bash (node:zlib). */
const NODE_FIRST = /[\\/]node_modules[\\/](ioredis-mock|ioredis|fengari|fengari-interop|just-bash)[\\/]/;

const LOCAL_PROCESS = `var process = {
  env: {},
  nextTick: (fn, ...args) => queueMicrotask(() => fn(...args)),
  hrtime: () => { const ms = performance.timeOrigin + performance.now(); return [Math.floor(ms / 1000), Math.floor((ms % 1000) * 1e6)]; },
};`;

const SHIMS: Record<string, string> = {
  crypto: shim("node-crypto"),
  stream: shim("node-stream"),
  zlib: shim("node-zlib"),
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
      if (source === "ioredis-mock") return IOREDIS_MOCK_SOURCES;
      if (!importer || !NODE_FIRST.test(importer)) return null;
      const name = source.replace(/^node:/, "");
      return Object.hasOwn(SHIMS, name) ? SHIMS[name] : null;
    },
    transform(code, id) {
      // fengari reads its configuration from the environment at load time, unguarded; none here.
      if (/[\\/]fengari[\\/]src[\\/]luaconf\.js$/.test(id)) {
        return { code: code.replaceAll("process.env.FENGARICONF", "undefined"), map: null };
      }
      // ioredis-mock emits its events on process.nextTick and answers TIME from process.hrtime.
      // A module-local `process`: a global one would make fengari (and learner code) think it runs in Node.
      if (id === IOREDIS_MOCK_SOURCES) return { code: `${LOCAL_PROCESS}\n${code}`, map: null };
      return null;
    },
  };
}
