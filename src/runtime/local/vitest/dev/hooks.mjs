// Node module hooks for the dev harness (plain JS: they run in Node's hooks thread). Exercise files
// under `root` are loaded the way the worker's linker loads them: sucrase strips the types, the
// file gets `//# sourceURL=sandbox:///<file>`, and `vitest` resolves to the shim.
import { existsSync, readFileSync, statSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import path from "node:path";
import { transform } from "sucrase";

let root = "";
let shim = "";

export function initialize(data) {
  root = data.root;
  shim = data.shim;
}

const inRoot = (url) => url?.startsWith("file:") && fileURLToPath(url).startsWith(root + path.sep);
// <root>/<run>/<file>: the run folder plays the part of the exercise root.
const relative = (file) => path.relative(root, file).split(path.sep).slice(1).join("/");

export async function resolve(specifier, context, next) {
  if (!inRoot(context.parentURL)) return next(specifier, context);
  // Through the rest of the chain, so tsx compiles the shim as it compiles the harness.
  if (specifier === "vitest") return next(shim, context);
  if (specifier.startsWith("./") || specifier.startsWith("../")) {
    const base = fileURLToPath(new URL(specifier, context.parentURL));
    for (const candidate of [base, `${base}.ts`, path.join(base, "index.ts")]) {
      if (existsSync(candidate) && statSync(candidate).isFile()) return { url: pathToFileURL(candidate).href, shortCircuit: true };
    }
  }
  return next(specifier, context);
}

export async function load(url, context, next) {
  if (!inRoot(url) || !url.endsWith(".ts")) return next(url, context);
  const file = fileURLToPath(url);
  const name = relative(file);
  let code;
  try {
    code = transform(readFileSync(file, "utf8"), { transforms: ["typescript"], filePath: name }).code;
  } catch (error) {
    // Shaped like the Node runtime's message; the worker's linker words its own.
    const where = error.loc ? `${name}:${error.loc.line}:${error.loc.column}` : name;
    const what = error.message.replace(/^Error transforming [^:]+: /, "").replace(/\s*\(\d+:\d+\)$/, "");
    throw new SyntaxError(`Syntax error at ${where}: ${what}`);
  }
  return { format: "module", source: `${code}\n//# sourceURL=sandbox:///${name}\n`, shortCircuit: true };
}
