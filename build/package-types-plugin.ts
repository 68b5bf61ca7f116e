import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Plugin } from "vite";
import { entryPoints, isPackageName, packageNames } from "../src/exercises/packages";
import { collectTypes, references } from "./package-types";

const ID = "virtual:package-types";
const HELPER_LIBS = "src/features/editor/libs";

/** npm packages bring their own declarations; vitest and the @roadlab/* helpers have hand-written ones (src/features/editor/libs). */
export const publishedPackages = packageNames.filter((name) => name !== "vitest" && !name.startsWith("@roadlab/"));

/**
 * npm packages a hand-written helper declaration imports types from (`import type { Redis } from
 * "ioredis"` in libs/roadlab-redis.d.ts): their declarations ship with the helper's.
 */
export function helperTypeDeps(root: string): Record<string, string[]> {
  const dir = path.join(root, HELPER_LIBS);
  const deps: Record<string, string[]> = {};
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".d.ts"))) {
    const base = file.slice(0, -".d.ts".length);
    const name = base.startsWith("roadlab-") ? `@roadlab/${base.slice("roadlab-".length)}` : base;
    const bare = references(readFileSync(path.join(dir, file), "utf8")).filter((s) => !s.startsWith(".") && s !== "vitest" && !s.startsWith("@roadlab/"));
    if (bare.length > 0) deps[name] = bare;
  }
  return deps;
}

/**
 * `virtual:package-types` exports `packageTypes`: for each curated npm package (and each helper
 * whose declarations import npm types), a loader of its declarations (`/node_modules/…` path →
 * text), one chunk per package, gathered from node_modules at build time (package-types.ts).
 * The editor loads only what its exercise lists.
 */
export function packageTypes(): Plugin {
  let root = process.cwd();
  return {
    name: "roadlab:package-types",
    configResolved(config) {
      root = config.root;
    },
    resolveId(id) {
      return id === ID || id.startsWith(`${ID}/`) ? `\0${id}` : undefined;
    },
    load(id) {
      if (id === `\0${ID}`) {
        const names = [...publishedPackages, ...Object.keys(helperTypeDeps(root))];
        const entries = names.map((name) => `  ${JSON.stringify(name)}: () => import(${JSON.stringify(`${ID}/${name}`)}),`);
        return `export const packageTypes = {\n${entries.join("\n")}\n};\n`;
      }
      if (!id.startsWith(`\0${ID}/`)) return undefined;
      const name = id.slice(ID.length + 2);
      const helper = helperTypeDeps(root)[name];
      if (helper) return `export default ${JSON.stringify(collectTypes(root, helper))};\n`;
      if (!isPackageName(name)) this.error(`${ID}: "${name}" is not a curated package`);
      return `export default ${JSON.stringify(collectTypes(root, entryPoints(name)))};\n`;
    },
  };
}
