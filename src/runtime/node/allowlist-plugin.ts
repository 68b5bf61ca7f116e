import path from "node:path";
import type { Plugin } from "vite";
import { isRelativeSpecifier, packageOf } from "../../exercises/packages";

/**
 * Refuses imports from exercise files that the in-page runtime could not satisfy, so real Vitest
 * and the browser give the same verdict (an error naming the file and the specifier).
 */
export function allowlistPlugin(workspace: string, allowed: readonly string[]): Plugin {
  const permitted = new Set(allowed);
  return {
    name: "roadlab:allowlist",
    enforce: "pre",
    resolveId(source, importer) {
      if (!importer || !importer.startsWith(workspace + path.sep)) return null;
      if (isRelativeSpecifier(source) || path.isAbsolute(source) || source.startsWith("/@")) return null;
      if (permitted.has(packageOf(source))) return null;
      const file = path.relative(workspace, importer);
      this.error(`${file}: cannot import "${source}" — not available in Roadlab (allowed: ${[...permitted].join(", ")})`);
    },
  };
}
