import { createHash } from "node:crypto";
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Plugin } from "vite";

const TEMPLATE = fileURLToPath(new URL("./service-worker.js", import.meta.url));
/** Not part of the app a learner opens: host config, the CLI's runner page, the CLI's build stamp. */
const SKIP = new Set(["sw.js", "_headers", "runner.html", ".roadlab-build.json"]);

/**
 * Writes dist/sw.js after a build: the service worker with the list of every file of this build
 * and a version that changes whenever any of them does.
 */
export function serviceWorker(): Plugin {
  let outDir = "dist";
  return {
    name: "roadlab:service-worker",
    apply: "build",
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      const files = (await listFiles(outDir)).filter((f) => !SKIP.has(f));
      const hash = createHash("sha256");
      for (const file of files) hash.update(file).update(await readFile(path.join(outDir, file)));
      const version = hash.digest("hex").slice(0, 12);
      const source = await readFile(TEMPLATE, "utf8");
      const header = `const VERSION = ${JSON.stringify(version)};\nconst FILES = ${JSON.stringify(files)};\n`;
      await writeFile(path.join(outDir, "sw.js"), header + source);
    },
  };
}

async function listFiles(root: string, dir = ""): Promise<string[]> {
  const entries = await readdir(path.join(root, dir), { withFileTypes: true });
  const nested = await Promise.all(
    entries.sort((a, b) => a.name.localeCompare(b.name)).map((e) => {
      const rel = dir ? `${dir}/${e.name}` : e.name;
      return e.isDirectory() ? listFiles(root, rel) : Promise.resolve([rel]);
    }),
  );
  return nested.flat();
}
