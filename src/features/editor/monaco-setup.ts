/**
 * Monaco from the bundled package, never a CDN (FACTS: @monaco-editor/react's default loader
 * fetches from one and hangs offline). Imported only by the lazy editor chunks.
 *
 * Not `import * as monaco from "monaco-editor"`: that pulls in every language, the CSS/HTML
 * language services and an LSP client. The editor API, its editor contributions (find, suggest,
 * hover, diff…) and only the languages learner files use (languageOf) load faster.
 */
import * as api from "monaco-editor/editor";
import "monaco-editor/features/register.all";
import "monaco-editor/languages/definitions/typescript/register";
import "monaco-editor/languages/definitions/javascript/register";
import "monaco-editor/languages/definitions/sql/register";
import "monaco-editor/languages/features/json/register";
import * as typescript from "monaco-editor/languages/features/typescript/register";
import { loader } from "@monaco-editor/react";
import { afterEditorShown } from "../../app/after-startup";
import EditorWorker from "monaco-editor/editor/editor.worker?worker";
import TsWorker from "monaco-editor/languages/features/typescript/ts.worker?worker";

declare global {
  interface Window {
    MonacoEnvironment?: { getWorker(workerId: string, label: string): Promise<Worker> | Worker };
  }
}

// Without this Monaco tries to build worker URLs itself and the editor worker fails to load.
self.MonacoEnvironment = {
  getWorker: (_id, label) =>
    label === "typescript" || label === "javascript"
      ? // 6.9 MB of JavaScript to parse: the starter code shows first, diagnostics a moment later.
        // (Not after the runtime's start-up too: it then competed with the first runs instead.)
        afterEditorShown().then(() => new TsWorker())
      : new EditorWorker(),
};

const monaco = { ...api, typescript };
loader.config({ monaco });

// Monaco's stock themes draw (doc) comments below WCAG AA contrast (#608b4e on #1e1e1e is 4.2:1).
monaco.editor.defineTheme("roadlab-dark", {
  base: "vs-dark",
  inherit: true,
  rules: [
    { token: "comment", foreground: "7CA668" },
    { token: "comment.doc", foreground: "7CA668" },
  ],
  colors: {},
});
monaco.editor.defineTheme("roadlab-light", { base: "vs", inherit: true, rules: [], colors: {} });
export const themeFor = (scheme: "light" | "dark") => (scheme === "dark" ? "roadlab-dark" : "roadlab-light");

const ts = monaco.typescript;
ts.typescriptDefaults.setCompilerOptions({
  target: ts.ScriptTarget.ESNext,
  module: ts.ModuleKind.ESNext,
  // "bundler" (100; Monaco's enum stops at NodeJs): package.json `exports` resolve subpaths such
  // as `hono/streaming` to their declarations, as Vite resolves them to code.
  moduleResolution: 100 as typeof ts.ModuleResolutionKind.NodeJs,
  // Learner code runs in a worker with web APIs (fetch, crypto.subtle, TextEncoder), not Node's.
  lib: ["esnext", "dom", "dom.iterable"],
  strict: true,
  noEmit: true,
  isolatedModules: true,
  allowNonTsExtensions: true,
  esModuleInterop: true,
});
ts.typescriptDefaults.setEagerModelSync(true);

export { monaco };
export type Monaco = typeof monaco;
