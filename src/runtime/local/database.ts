import pgliteWasmUrl from "@electric-sql/pglite/pglite.wasm?url";
import pgliteDataUrl from "@electric-sql/pglite/pglite.data?url";
import { configureDb, startDb, warmDb, type DbOptions } from "../../harness/db";

type StartOptions = Omit<DbOptions, "seed">;
let downloads: Promise<StartOptions> | undefined;

/**
 * What PGlite starts from, all downloaded (and the wasm compiled) at once rather than one after
 * the other: the data directory right after initdb, prepared at build time (vite.config.ts), so the
 * browser never runs initdb (~0.5 s to start instead of ~2.5 s, FACTS), PGlite's wasm and its
 * data bundle. Each falls back to PGlite's own download if it fails here.
 */
function startOptions(): Promise<StartOptions> {
  const url = (path: string) => new URL(path, self.location.href);
  // A relative base ("./", `roadlab build` and `scorm`) is relative to the app's root, not to this
  // worker's chunk, which Vite puts in assets/.
  const base = import.meta.env.BASE_URL;
  const snapshot = base.startsWith(".") ? new URL("../pglite/datadir.tar.gz", import.meta.url).href : `${base}pglite/datadir.tar.gz`;
  const fetched = (path: string) =>
    fetch(url(path))
      .then((response) => (response.ok ? response.blob() : undefined))
      .catch(() => undefined);
  downloads ??= Promise.all([
    fetched(snapshot),
    WebAssembly.compileStreaming(fetch(url(pgliteWasmUrl))).catch(() => undefined),
    fetched(pgliteDataUrl),
  ]).then(([loadDataDir, pgliteWasmModule, fsBundle]) => ({ loadDataDir, pgliteWasmModule, fsBundle }));
  return downloads;
}

/** Boots PGlite before the exercise's seed is known (the worker was started early for it). */
export async function startDatabase(): Promise<void> {
  configureDb(await startOptions());
  startDb();
}

/** Points `@roadlab/db` at an exercise's seed and boots (or reseeds) the database. */
export async function prepareDatabase(seed: string): Promise<void> {
  configureDb({ seed, ...(await startOptions()) });
  await warmDb();
}
