import type { IDisposable } from "monaco-editor";
import { packageTypes } from "virtual:package-types";
import { defaultPackages } from "../../exercises/packages";
import type { Monaco } from "./monaco-setup";

/**
 * Declarations for the bare imports an exercise may use, placed where TypeScript's resolution
 * looks (file:///node_modules/<pkg>/…). npm packages bring their own published .d.ts files and
 * package.json, gathered at build time (build/package-types-plugin.ts), one chunk per package.
 * Harness helpers have hand-written ones here in libs/: `libs/roadlab-<name>.d.ts` declares
 * `@roadlab/<name>`, `libs/<name>.d.ts` declares `<name>`; npm types they import come along
 * (helperTypeDeps in the plugin). Only the exercise's packages are
 * loaded, so importing one it does not list is a type error in the editor as at run time.
 */
const handWritten = import.meta.glob<string>("./libs/*.d.ts", { query: "?raw", import: "default", eager: true });
const helperLibs: Record<string, string> = Object.fromEntries(
  Object.entries(handWritten).map(([file, text]) => {
    const base = file.slice("./libs/".length, -".d.ts".length);
    return [base.startsWith("roadlab-") ? `@roadlab/${base.slice("roadlab-".length)}` : base, text];
  }),
);

/** Declarations by package name, as `/node_modules/…` path → text. */
async function declarations(name: string): Promise<Record<string, string>> {
  const own = name in helperLibs ? { [`/node_modules/${name}/index.d.ts`]: helperLibs[name] } : {};
  const load = packageTypes[name];
  // A chunk that fails to load (offline before it was cached) costs completions, not the editor.
  const published = load ? await load().then((m) => m.default, () => ({})) : {};
  return { ...published, ...own };
}

/** Files shared by several packages (@opentelemetry/api by both SDKs) stay while any of them needs them. */
const libs = new Map<string, { users: number; handle: IDisposable }>();
const active = new Map<string, Promise<string[]>>();

function addLib(monaco: Monaco, path: string, content: string) {
  const lib = libs.get(path);
  if (lib) lib.users++;
  else libs.set(path, { users: 1, handle: monaco.typescript.typescriptDefaults.addExtraLib(content, `file://${path}`) });
}

function removeLib(path: string) {
  const lib = libs.get(path);
  if (!lib || --lib.users > 0) return;
  lib.handle.dispose();
  libs.delete(path);
}

/** Makes the editor know exactly the defaults and `packages`: adds what is missing, drops the rest. */
export async function addPackageTypes(monaco: Monaco, packages: readonly string[]): Promise<void> {
  const wanted = new Set<string>([...defaultPackages, ...packages]);
  for (const [name, paths] of active) {
    if (wanted.has(name)) continue;
    active.delete(name);
    void paths.then((list) => list.forEach(removeLib));
  }
  const loading = [...wanted].map((name) => {
    let paths = active.get(name);
    if (!paths) {
      paths = declarations(name).then((files) => {
        for (const [path, text] of Object.entries(files)) addLib(monaco, path, text);
        return Object.keys(files);
      });
      active.set(name, paths);
    }
    return paths;
  });
  await Promise.all(loading);
}

let refreshes = 0;

/**
 * Makes every learner file known to the TypeScript worker, then has Monaco recheck them all.
 * Monaco checks a new model at once and mirrors only that model into the worker, so a file
 * checked before its neighbour arrived reports "Cannot find module './impl'" until edited.
 */
export async function refreshDiagnostics(monaco: Monaco, uris: readonly import("monaco-editor").Uri[]): Promise<void> {
  // Rejects until the TypeScript mode has started; it then syncs every model itself, nothing to do.
  const getWorker = await monaco.typescript.getTypeScriptWorker().catch(() => undefined);
  if (!getWorker) return;
  await getWorker(...uris);
  // A change to the extra libs is what makes Monaco's diagnostics adapter recheck every model.
  monaco.typescript.typescriptDefaults.addExtraLib(`// refresh ${++refreshes}\nexport {};\n`, "file:///node_modules/@roadlab/refresh/index.d.ts");
}
