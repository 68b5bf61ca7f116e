import pgliteWasmUrl from "@electric-sql/pglite/pglite.wasm?url";
import pgliteDataUrl from "@electric-sql/pglite/pglite.data?url";
import { configureDb, dumpDb, startDb, startDbFromImage, warmDb, type DbOptions } from "../../harness/db";
import { findImage, keepImage } from "./db-image";

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

/** The early start, which the first "prepare" waits for so that it takes that instance over. */
let early: Promise<void> | undefined;
/** The seed of the image PGlite booted from: one already saved. */
let bootedWith: string | undefined;

/**
 * Boots PGlite before the exercise's seed is known (the worker was started early for it): from the
 * exercise's saved image when there is one, so the seed does not run again.
 */
export function startDatabase(exercise?: string): Promise<void> {
  early ??= Promise.all([startOptions(), exercise === undefined ? undefined : findImage(exercise)]).then(([options, image]) => {
    configureDb(options);
    if (image) startDbFromImage(image);
    else startDb();
    bootedWith = image?.seed;
  });
  return early;
}

/**
 * Saves the exercise's database for its next visit, if it holds this seed. Only from a worker in
 * which no learner or test code has run: what code under test did to the database, or to the
 * harness beneath it, must not outlive the page.
 */
export async function saveDatabaseImage(exercise: string, seed: string): Promise<void> {
  if (bootedWith === seed) return;
  const image = await dumpDb();
  if (image?.seed === seed) await keepImage(exercise, image);
}

/** Points `@roadlab/db` at an exercise's seed and boots (or reseeds) the database. */
export async function prepareDatabase(seed: string): Promise<void> {
  await early;
  configureDb({ seed, ...(await startOptions()) });
  await warmDb();
}
