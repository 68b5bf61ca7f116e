import { init, parse } from "es-module-lexer";
import { isRelativeSpecifier, packageOf } from "../../exercises/packages";
import { resolveRelative } from "../../exercises/resolve";
import { createModuleUrl } from "./hardening/module-urls";
import { LearnerSyntaxError, transpile } from "./transpile";

/** Turns a specifier's target into a URL the module can import, or undefined when it may not. */
export type PackageUrl = (specifier: string) => string | undefined;

export interface ModuleGraph {
  /** Links a file and what it imports; returns the URL to import it from. */
  link(file: string): string;
  /** Imports a file (and, through the rewritten specifiers, everything it imports). */
  load(file: string): Promise<unknown>;
  dispose(): void;
}

/** Where a linked module's code lives; blob: URLs in the worker, plain strings in unit tests. */
export interface ModuleStore {
  create(code: string, file: string): string;
  revoke(url: string): void;
}

const blobStore: ModuleStore = {
  create: (code) => createModuleUrl(code),
  revoke: (url) => URL.revokeObjectURL(url),
};

export class LinkError extends Error {
  override name = "LinkError";
}

/**
 * Links exercise files into ES modules in a worker, which has no import maps: every file becomes
 * a blob: URL whose import specifiers are rewritten to other blob: URLs, or to the URL of a curated
 * package. Files are linked lazily from the ones loaded, dependencies first.
 */
export async function linkModules(
  files: Record<string, string>,
  packageUrl: PackageUrl,
  allowed: readonly string[],
  store: ModuleStore = blobStore,
): Promise<ModuleGraph> {
  await init;
  const urls = new Map<string, string>();
  const linking = new Set<string>();
  const exists = (path: string) => Object.hasOwn(files, path);

  function link(file: string): string {
    const done = urls.get(file);
    if (done) return done;
    if (linking.has(file)) {
      throw new LinkError(`${file}: circular imports are not supported in the in-page runtime (${[...linking, file].join(" → ")})`);
    }
    linking.add(file);
    let code: string;
    try {
      code = rewrite(file, transpile(files[file], file));
    } finally {
      linking.delete(file);
    }
    // sourceURL makes stack frames read `sandbox:///main.ts:3:9` instead of an opaque blob: URL.
    const url = store.create(`${code}\n//# sourceURL=sandbox:///${file}`, file);
    urls.set(file, url);
    return url;
  }

  function rewrite(file: string, js: string): string {
    let imports;
    try {
      [imports] = parse(js, file);
    } catch (error) {
      throw new LearnerSyntaxError(`Syntax error in ${file}: ${(error as Error).message}`);
    }
    let out = "";
    let last = 0;
    for (const imp of imports) {
      if (imp.type !== "static" && imp.type !== "reexport-star" && imp.type !== "dynamic") continue;
      if (imp.specifier === undefined) continue; // import(expression): left alone, fails at run time
      const target = resolveSpecifier(file, imp.specifier);
      const quoted = imp.type === "dynamic"; // dynamic-import spans include the quotes
      out += js.slice(last, imp.start) + (quoted ? JSON.stringify(target) : target);
      last = imp.end;
    }
    return out + js.slice(last);
  }

  function resolveSpecifier(file: string, specifier: string): string {
    if (isRelativeSpecifier(specifier)) {
      const target = resolveRelative(file, specifier, exists);
      if (!target) throw new LinkError(`${file}: cannot import "${specifier}" — no such file`);
      return link(target);
    }
    const url = allowed.includes(packageOf(specifier)) ? packageUrl(specifier) : undefined;
    if (!url) {
      throw new LinkError(`${file}: cannot import "${specifier}" — not available in Roadlab (allowed: ${allowed.join(", ")})`);
    }
    return url;
  }

  return {
    link,
    load(file) {
      return import(/* @vite-ignore */ link(file));
    },
    dispose() {
      for (const url of urls.values()) store.revoke(url);
      urls.clear();
    },
  };
}
