import type { Plugin } from "vite";
import { entryPoints, isPackageName, packageNames } from "../src/exercises/packages";
import { collectTypes } from "./package-types";

const ID = "virtual:package-types";

/** npm packages bring their own declarations; vitest and the @roadlab/* helpers have hand-written ones (src/features/editor/libs). */
export const publishedPackages = packageNames.filter((name) => name !== "vitest" && !name.startsWith("@roadlab/"));

/**
 * `virtual:package-types` exports `packageTypes`: for each curated npm package, a loader of its
 * declarations (`/node_modules/…` path → text), one chunk per package, gathered from node_modules
 * at build time (package-types.ts). The editor loads only the packages its exercise lists.
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
        const entries = publishedPackages.map((name) => `  ${JSON.stringify(name)}: () => import(${JSON.stringify(`${ID}/${name}`)}),`);
        return `export const packageTypes = {\n${entries.join("\n")}\n};\n`;
      }
      if (id.startsWith(`\0${ID}/`)) {
        const name = id.slice(ID.length + 2);
        if (!isPackageName(name)) this.error(`${ID}: "${name}" is not a curated package`);
        return `export default ${JSON.stringify(collectTypes(root, entryPoints(name)))};\n`;
      }
      return undefined;
    },
  };
}
