import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { gzipSync } from "node:zlib";

export function gzipKb(bytes: Uint8Array): number {
  return gzipSync(bytes, { level: 9 }).length / 1024;
}

/** Every file of the build (JavaScript, CSS, wasm, PGlite's data and snapshot), gzipped: the most a learner downloads. */
export async function totalGzipKb(dist: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dist, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && !entry.name.startsWith(".")) total += gzipKb(await readFile(path.join(entry.parentPath, entry.name)));
  }
  return total;
}

/** The entry script and what index.html preloads with it: the JavaScript every visit pays for. */
export async function initialJsGzipKb(dist: string): Promise<number> {
  const html = await readFile(path.join(dist, "index.html"), "utf8");
  const urls = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="([^"]+\.js)"/g)].map((m) => m[1]);
  let total = 0;
  for (const url of new Set(urls)) total += gzipKb(await readFile(path.join(dist, url.replace(/^\.?\//, ""))));
  return total;
}
