import pgliteWasmUrl from "@electric-sql/pglite/pglite.wasm?url";
import type { DbImage } from "../../harness/db";

/**
 * Ready database images, one per exercise, in Cache Storage: the data directory right after the
 * seed and the reset snapshot ran, so a return visit starts PGlite from it and skips both (about
 * half of the worker's start-up). Not under the service worker's "roadlab-" prefix, which it
 * clears when a new version activates; a new build is told apart by the key instead.
 */
const CACHE = "db-images";

/**
 * This build's harness and PGlite: the worker chunk's hashed name changes with the harness' SQL,
 * the wasm's with PGlite. In dev neither is hashed, so images are not used there.
 */
const build = import.meta.env.DEV ? undefined : `${new URL(import.meta.url).pathname}|${pgliteWasmUrl}`;

const entry = (exercise: string, part: "data" | "seed") =>
  new URL(`db-image/${encodeURIComponent(exercise)}/${part}?build=${encodeURIComponent(build ?? "")}`, self.location.href).href;

const available = () => build !== undefined && typeof caches !== "undefined";

/** The exercise's image saved by this build, if any. Storage errors mean no image. */
export async function findImage(exercise: string): Promise<DbImage | undefined> {
  if (!available()) return undefined;
  try {
    const cache = await caches.open(CACHE);
    const [data, seed] = await Promise.all([cache.match(entry(exercise, "data")), cache.match(entry(exercise, "seed"))]);
    if (!data || !seed) return undefined;
    return { dataDir: await data.blob(), seed: await seed.text() };
  } catch {
    return undefined;
  }
}

/** About 33 MB each, uncompressed (see dumpDb): the exercises saved last keep theirs. */
const KEPT_IMAGES = 4;

/**
 * Saves the exercise's image (seed last: an image is found only once both are stored), and drops
 * older builds' images of it and the images of all but the last exercises saved.
 */
export async function keepImage(exercise: string, image: DbImage): Promise<void> {
  if (!available()) return;
  try {
    const cache = await caches.open(CACHE);
    const current = new Set([entry(exercise, "data"), entry(exercise, "seed")]);
    const ofExercise = (url: string) => new URL(url).pathname.split("/").at(-2) ?? "";
    const others = (await cache.keys()).filter((request) => !current.has(request.url));
    // keys() lists in the order stored: the oldest first.
    const kept = [...new Set(others.map((request) => ofExercise(request.url)))]
      .filter((name) => name !== encodeURIComponent(exercise))
      .slice(-(KEPT_IMAGES - 1));
    const dropped = others.filter((request) => !kept.includes(ofExercise(request.url)));
    await Promise.all(dropped.map((request) => cache.delete(request)));
    await cache.put(entry(exercise, "data"), new Response(image.dataDir));
    await cache.put(entry(exercise, "seed"), new Response(image.seed));
  } catch {
    // Full or unavailable storage: the next visit seeds as before.
  }
}
