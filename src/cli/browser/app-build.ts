import { createHash } from "node:crypto";
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { InlineConfig } from "vite";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
export const distDir = path.join(repoRoot, "dist");
const STAMP = path.join(distDir, ".roadlab-build.json");
// exercises/ too: the app bundles every exercise, so editing one must rebuild.
const INPUTS = ["src", "build", "public", "exercises", "index.html", "runner.html", "embed.html", "vite.config.ts", "package-lock.json"];

/** Builds the app unless dist/ was built from exactly the current sources. */
export async function ensureAppBuilt(log: (line: string) => void = () => {}): Promise<void> {
  const hash = await sourcesHash();
  const stamp = await readFile(STAMP, "utf8").then((t) => JSON.parse(t) as { hash: string }, () => undefined);
  if (stamp?.hash === hash) return;
  log("Building the app for --runtime browser (once per source change)…");
  await viteBuild({ root: repoRoot });
  await writeFile(STAMP, JSON.stringify({ hash }));
}

/**
 * A production build of the app. Vite keeps a NODE_ENV it finds: under Vitest (NODE_ENV=test) it
 * would bundle React's development build, several times slower, and the benchmark would measure that.
 * `catalog` stages another set of exercises (build/catalog-root.ts reads ROADLAB_CATALOG).
 */
export async function viteBuild(config: InlineConfig, catalog?: string): Promise<void> {
  const { build } = await import("vite");
  const saved = { NODE_ENV: process.env.NODE_ENV, ROADLAB_CATALOG: process.env.ROADLAB_CATALOG };
  process.env.NODE_ENV = "production";
  if (catalog) process.env.ROADLAB_CATALOG = catalog;
  try {
    await build({ logLevel: "error", mode: "production", ...config, root: repoRoot });
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

async function sourcesHash(): Promise<string> {
  const hash = createHash("sha256");
  // Builds from before production mode was forced may hold React's development build.
  hash.update("production build\n");
  for (const input of INPUTS) {
    for (const file of await listFiles(path.join(repoRoot, input))) {
      if (file.endsWith(".test.ts") || file.includes(`${path.sep}pglite${path.sep}`)) continue;
      hash.update(path.relative(repoRoot, file));
      hash.update(await readFile(file));
    }
  }
  return hash.digest("hex");
}

async function listFiles(target: string): Promise<string[]> {
  const entries = await readdir(target, { withFileTypes: true }).catch(() => undefined);
  if (!entries) return (await readFile(target).then(() => true, () => false)) ? [target] : [];
  const nested = await Promise.all(
    entries.sort((a, b) => a.name.localeCompare(b.name)).map((e) =>
      e.isDirectory() ? listFiles(path.join(target, e.name)) : Promise.resolve([path.join(target, e.name)]),
    ),
  );
  return nested.flat();
}
