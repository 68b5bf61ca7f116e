import { copyFile, mkdir, stat } from "node:fs/promises";
import path from "node:path";
import type { Plugin } from "vite";
import { pgliteDataDir } from "../src/runtime/node/pglite-data-dir";

/**
 * Puts PGlite's data directory, taken after initdb, at public/pglite/datadir.tar.gz before dev or
 * build starts, so the browser loads it instead of running initdb (~0.5 s vs ~2.5 s to start).
 * Generated, not committed: it is a 4.5 MB binary tied to the installed PGlite version.
 */
export function pgliteSnapshot(): Plugin {
  return {
    name: "roadlab:pglite-snapshot",
    async configResolved(config) {
      const target = path.join(config.publicDir, "pglite", "datadir.tar.gz");
      const source = await pgliteDataDir();
      const [from, to] = await Promise.all([stat(source), stat(target).catch(() => undefined)]);
      if (to && to.size === from.size && to.mtimeMs >= from.mtimeMs) return;
      await mkdir(path.dirname(target), { recursive: true });
      await copyFile(source, target);
    },
  };
}
