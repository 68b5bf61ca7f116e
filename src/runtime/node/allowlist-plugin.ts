import path from "node:path";
import type { Plugin } from "vite";
import { importProblem, isRelativeSpecifier } from "../../exercises/packages";

/**
 * Refuses imports from exercise files that the in-page runtime could not satisfy, so real Vitest
 * and the browser give the same verdict (an error naming the file and the specifier).
 */
export function allowlistPlugin(workspace: string, allowed: readonly string[]): Plugin {
  return {
    name: "roadlab:allowlist",
    enforce: "pre",
    resolveId(source, importer) {
      if (!importer || !importer.startsWith(workspace + path.sep)) return null;
      if (isRelativeSpecifier(source) || path.isAbsolute(source) || source.startsWith("/@")) return null;
      const problem = importProblem(source, allowed);
      if (problem) this.error(`${path.relative(workspace, importer)}: ${problem}`);
      return null;
    },
  };
}
