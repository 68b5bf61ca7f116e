import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

/**
 * The type declarations a set of entry points needs, gathered at build time so Monaco can check
 * learner code against them offline: every .d.ts reachable from the entry points, with the
 * package.json of each package on the way (Monaco's TypeScript resolves `hono/streaming` through
 * its `exports`, as the compiler does). Keys are `/node_modules/…` paths.
 *
 * Resolution follows TypeScript's "bundler" mode: `exports` with the types/import/default
 * conditions, then types/typings/main, then index.d.ts. What cannot be found (node:* types,
 * optional peers) is left out; the editor then treats it as `any`.
 */
export function collectTypes(root: string, specifiers: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  const seen = new Set<string>();
  const queue: string[] = [];
  const from = path.join(root, "package.json");

  const visit = (file: string | undefined) => {
    if (!file || seen.has(file)) return;
    seen.add(file);
    queue.push(file);
  };
  for (const specifier of specifiers) visit(resolveBare(specifier, path.dirname(from), out, root));
  while (queue.length > 0) {
    const file = queue.pop()!;
    const text = readFileSync(file, "utf8");
    out[key(root, file)] = text;
    for (const ref of references(text)) {
      visit(ref.startsWith(".") || ref.startsWith("/") ? resolveRelative(path.resolve(path.dirname(file), ref)) : resolveBare(ref, path.dirname(file), out, root));
    }
  }
  return out;
}

function key(root: string, file: string): string {
  return `/${path.relative(root, file).split(path.sep).join("/")}`;
}

const IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*)["']([^"'\n]+)["']/g;
const REFERENCE = /\/\/\/\s*<reference\s+(path|types)\s*=\s*["']([^"']+)["']/g;

/** Node-only packages a declaration imports for a Node code path (just-bash's DNS pinning): they would bring @types/node, ~2 MB. */
const NODE_ONLY = new Set(["undici"]);

/** Module specifiers a declaration file refers to: imports, re-exports, import types, references. */
export function references(text: string): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(IMPORT)) found.add(m[1]);
  for (const m of text.matchAll(REFERENCE)) found.add(m[1] === "path" && !m[2].startsWith(".") ? `./${m[2]}` : m[2]);
  return [...found].filter((s) => !s.startsWith("node:") && !NODE_ONLY.has(s));
}

const isFile = (file: string) => existsSync(file) && statSync(file).isFile();
const DTS: Record<string, string> = { ".js": ".d.ts", ".mjs": ".d.mts", ".cjs": ".d.cts", ".ts": ".d.ts" };

function resolveRelative(base: string): string | undefined {
  const ext = path.extname(base);
  const candidates = [
    ...(/\.d\.[mc]?ts$/.test(base) ? [base] : []),
    ...(ext in DTS ? [base.slice(0, -ext.length) + DTS[ext]] : []),
    `${base}.d.ts`,
    `${base}.d.mts`,
    path.join(base, "index.d.ts"),
  ];
  return candidates.find(isFile);
}

interface PackageJson {
  name?: string;
  types?: string;
  typings?: string;
  main?: string;
  exports?: unknown;
  typesVersions?: Record<string, Record<string, string[]>>;
}

function packageDir(name: string, fromDir: string): string | undefined {
  for (let dir = fromDir; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, "node_modules", name);
    if (isFile(path.join(candidate, "package.json"))) return candidate;
    if (path.dirname(dir) === dir) return undefined;
  }
}

function resolveBare(specifier: string, fromDir: string, out: Record<string, string>, root: string): string | undefined {
  const parts = specifier.split("/");
  const name = specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
  const subpath = specifier.slice(name.length); // "" or "/streaming"
  const dir = packageDir(name, fromDir) ?? packageDir(`@types/${name.replace(/^@(.*)\//, "$1__")}`, fromDir);
  if (!dir) return undefined;
  const json = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")) as PackageJson;
  const { name: pkgName, types, typings, main, exports, typesVersions } = json;
  out[key(root, path.join(dir, "package.json"))] = JSON.stringify({ name: pkgName, types, typings, main, exports, typesVersions });
  if (exports !== undefined) {
    const target = exportTarget(exports, `.${subpath}`);
    return target ? resolveRelative(path.join(dir, target)) : undefined;
  }
  if (subpath) return resolveRelative(path.join(dir, subpath.slice(1)));
  const entry = types ?? typings ?? main ?? "index.js";
  return resolveRelative(path.join(dir, entry)) ?? resolveRelative(path.join(dir, "index"));
}

const CONDITIONS = new Set(["types", "import", "default"]);

/** The `exports` target for `./sub`, with its conditions picked as TypeScript's bundler mode does. */
export function exportTarget(exports: unknown, subpath: string): string | undefined {
  if (typeof exports === "string" || Array.isArray(exports)) return subpath === "." ? pick(exports) : undefined;
  const map = exports as Record<string, unknown>;
  if (!Object.keys(map).some((k) => k.startsWith("."))) return subpath === "." ? pick(map) : undefined;
  if (subpath in map) return pick(map[subpath]);
  for (const [pattern, target] of Object.entries(map)) {
    const star = pattern.indexOf("*");
    if (star < 0) continue;
    const [head, tail] = [pattern.slice(0, star), pattern.slice(star + 1)];
    if (!subpath.startsWith(head) || !subpath.endsWith(tail) || subpath.length < pattern.length - 1) continue;
    const match = subpath.slice(head.length, subpath.length - tail.length);
    return pick(target)?.replaceAll("*", match);
  }
  return undefined;
}

function pick(target: unknown): string | undefined {
  if (typeof target === "string") return target;
  if (Array.isArray(target)) return target.map(pick).find(Boolean);
  if (target && typeof target === "object") {
    for (const [condition, value] of Object.entries(target)) {
      if (!CONDITIONS.has(condition)) continue;
      const found = pick(value);
      if (found) return found;
    }
  }
  return undefined;
}
