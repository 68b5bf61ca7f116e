import type { PackageName } from "../../exercises/packages";
import { createModuleUrl } from "./hardening/module-urls";

/**
 * The curated packages, bundled into the worker's chunks and loaded on first use. Learner modules
 * are blob: URLs and cannot resolve bare names, so each package is re-exported from a small blob
 * module that reads the real one from a registry on `globalThis`.
 */
const loaders: Record<PackageName, () => Promise<Record<string, unknown>>> = {
  vitest: () => import("./vitest/index"),
  "@roadlab/db": () => import("../../harness/db"),
  "@electric-sql/pglite": () => import("@electric-sql/pglite"),
  jose: () => import("jose"),
};

const REGISTRY = "__roadlabPackages";
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

type Registry = Record<string, Record<string, unknown>>;
const registry: Registry = ((globalThis as Record<string, unknown>)[REGISTRY] ??= {}) as Registry;
const urls = new Map<string, string>();

/** Loads the packages an exercise may use and returns a resolver for the module linker. */
export async function preparePackages(names: readonly string[]): Promise<(specifier: string) => string | undefined> {
  for (const name of names) {
    if (urls.has(name) || !(name in loaders)) continue;
    const module = await loaders[name as PackageName]();
    registry[name] = module;
    const url = facadeUrl(name, module);
    // Evaluated now, while the registry is the runtime's: code under test could replace an entry later.
    await import(/* @vite-ignore */ url);
    urls.set(name, url);
  }
  return (specifier) => urls.get(specifier);
}

function facadeUrl(name: string, module: Record<string, unknown>): string {
  const source = `const m = globalThis.${REGISTRY}[${JSON.stringify(name)}];`;
  const names = Object.keys(module).filter((key) => key !== "default" && IDENTIFIER.test(key));
  const lines = [
    source,
    ...names.map((key) => `export const ${key} = m.${key};`),
    `export default ${"default" in module ? "m.default" : "m"};`,
  ];
  return createModuleUrl(lines.join("\n"));
}
