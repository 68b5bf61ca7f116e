import type { Monaco } from "./monaco-setup";
import roadlabDb from "./libs/roadlab-db.d.ts?raw";
import vitest from "./libs/vitest.d.ts?raw";

/**
 * Declarations for the bare imports an exercise may use, placed where TypeScript's node
 * resolution looks (file:///node_modules/<pkg>/index.d.ts). Third-party packages bring their
 * own published .d.ts files, loaded only when an exercise declares the package.
 */
type Loaders = Record<string, () => Promise<string>>;

const published: Record<string, { files: Loaders; root: string; entry: string }> = {
  jose: {
    files: import.meta.glob<string>("/node_modules/jose/dist/types/**/*.d.ts", { query: "?raw", import: "default" }),
    root: "/node_modules/jose/",
    entry: "./dist/types/index.js",
  },
  "@electric-sql/pglite": {
    files: import.meta.glob<string>("/node_modules/@electric-sql/pglite/dist/*.d.ts", { query: "?raw", import: "default" }),
    root: "/node_modules/@electric-sql/pglite/",
    entry: "./dist/index.js",
  },
};

const added = new Set<string>();

function addLib(monaco: Monaco, path: string, content: string) {
  if (added.has(path)) return;
  added.add(path);
  monaco.typescript.typescriptDefaults.addExtraLib(content, `file://${path}`);
}

export async function addPackageTypes(monaco: Monaco, packages: readonly string[]): Promise<void> {
  addLib(monaco, "/node_modules/@roadlab/db/index.d.ts", roadlabDb);
  addLib(monaco, "/node_modules/vitest/index.d.ts", vitest);
  await Promise.all(
    packages.map(async (name) => {
      const pkg = published[name];
      if (!pkg || added.has(pkg.root)) return;
      added.add(pkg.root);
      const files = await Promise.all(Object.entries(pkg.files).map(async ([path, load]) => [path, await load()] as const));
      for (const [path, text] of files) addLib(monaco, path, text);
      addLib(monaco, `${pkg.root}index.d.ts`, `export * from "${pkg.entry}";\n`);
    }),
  );
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
