import type { Import } from "es-module-lexer";
import { topLevelCalls, type TopLevelCall } from "./top-level-calls";

/** What Vitest's hoistMocks looks for before doing any work (@vitest/mocker, chunk-hoistMocks.js). */
const HOISTABLE = /\b(?:vi|vitest)\s*\.\s*(?:mock|unmock|hoisted)\s*\(/;
/** `vi.mock(import("./x"), …)` names the module the same way as `vi.mock("./x", …)`. */
const IMPORT_ARGUMENT = /\b((?:vi|vitest)\s*\.\s*(?:mock|unmock|doMock|doUnmock)\s*\(\s*)(?:await\s+)?import\s*\(\s*("[^"\n]*"|'[^'\n]*')\s*\)/g;

/**
 * Vitest's hoisting, on a module's JavaScript: top-level `vi.mock`, `vi.unmock` and `vi.hoisted`
 * run before the module's imports, and every static import (but `vitest`'s) becomes an awaited
 * dynamic import after them, so mocks apply to what those imports load.
 *
 * Unlike Vitest, no code moves, so stack traces keep their lines: each hoisted statement is
 * wrapped in place in a function declaration (hoisted by JavaScript itself), and line 1 calls the
 * functions and then imports the modules. Imported bindings are destructured once, not live.
 */
export function hoistMocks(js: string, imports: readonly Import[]): string {
  if (!HOISTABLE.test(js)) return js;
  const calls = topLevelCalls(js, /^(?:vi|vitest)\s*\.\s*(?:mock|unmock|hoisted)\s*\(/);
  if (calls.length === 0) return js;
  const edits: Array<{ start: number; end: number; text: string }> = [];
  const prefix: string[] = [];
  calls.forEach((call, index) => {
    const name = `__vi_hoisted_${index}__`;
    const { header, invoke } = wrap(call, name);
    edits.push({ start: call.start, end: call.callStart, text: keepLines(js.slice(call.start, call.callStart)) + header });
    edits.push({ start: call.end, end: call.end, text: "}" });
    prefix.push(invoke);
  });
  imports.forEach((imp, index) => {
    if (imp.type !== "static" || imp.specifier === "vitest") return;
    const clause = js.slice(imp.importStart + "import".length, imp.start - 1).replace(/\s*from\s*$/, "");
    if (js.slice(imp.importStart, imp.importStart + 6) !== "import") return; // `export … from`: stays static
    edits.push({ start: imp.importStart, end: imp.importEnd, text: keepLines(js.slice(imp.importStart, imp.importEnd)) });
    prefix.push(...bindings(clause, `__vi_import_${index}__`, JSON.stringify(imp.specifier)));
  });
  let out = js;
  for (const edit of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return prefix.join(" ") + " " + out;
}

/** Rewrites `vi.mock(import("./x"))` to `vi.mock("./x")`, as Vitest does, so nothing is imported early. */
export function unwrapImportArguments(js: string): string {
  return js.replace(IMPORT_ARGUMENT, "$1$2");
}

function wrap(call: TopLevelCall, name: string): { header: string; invoke: string } {
  const asyncFn = call.awaited ? "async " : "";
  const awaitCall = call.awaited ? "await " : "";
  if (call.declaration) {
    const pattern = call.declaration.pattern.replace(/\s+/g, " ");
    return { header: `${asyncFn}function ${name}(){return `, invoke: `${call.declaration.keyword} ${pattern} = ${awaitCall}${name}();` };
  }
  return { header: `${asyncFn}function ${name}(){${awaitCall}`, invoke: `${awaitCall}${name}();` };
}

/** `a, { b as c }`, `* as ns`, `` (side effects only) → declarations from the awaited import. */
function bindings(clause: string, id: string, specifier: string): string[] {
  const out = [`const ${id} = await import(${specifier});`];
  const trimmed = clause.trim();
  if (!trimmed) return out;
  const names: string[] = [];
  const namespace = /\*\s*as\s+([\w$]+)/.exec(trimmed);
  if (namespace) out.push(`const ${namespace[1]} = ${id};`);
  const defaultName = /^([\w$]+)\s*(?:,|$)/.exec(trimmed);
  if (defaultName) names.push(`default: ${defaultName[1]}`);
  const named = /\{([^}]*)\}/.exec(trimmed);
  for (const part of named ? named[1].split(",") : []) {
    const [imported, local] = part.trim().split(/\s+as\s+/);
    if (!imported) continue;
    names.push(local ? `${imported}: ${local}` : imported);
  }
  if (names.length) out.push(`const { ${names.join(", ")} } = ${id};`);
  return out;
}

/** The newlines of `text`, so what replaces it spans as many lines. */
function keepLines(text: string): string {
  return text.replace(/[^\n]/g, "");
}
