import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { PackFiles } from "../exercises/pack";

const PACK_MARKERS = ["exercise.json", "starter", "solution", "tests"];
const SKIP = new Set(["node_modules", ".git"]);

/** Every exercise folder under `dir` (or `dir` itself): a folder holding exercise.json or starter/, solution/, tests/. */
export async function findPacks(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  if (entries.some((e) => PACK_MARKERS.includes(e.name))) return [dir];
  const found: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.isDirectory() && !SKIP.has(entry.name)) found.push(...(await findPacks(path.join(dir, entry.name))));
  }
  return found;
}

/** A pack's files keyed by relative path; folders appear as `name/` so empty ones are still seen. */
export async function readPack(dir: string): Promise<PackFiles> {
  const files: PackFiles = {};
  async function walk(rel: string) {
    for (const entry of await readdir(path.join(dir, rel), { withFileTypes: true })) {
      const relPath = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (SKIP.has(entry.name)) continue;
        files[`${relPath}/`] = "";
        await walk(relPath);
      } else if (entry.isFile()) {
        files[relPath] = await readFile(path.join(dir, relPath), "utf8");
      }
    }
  }
  await walk("");
  return files;
}

/** Learner files from a folder the user names with --files (any layout; tests/ is ignored). */
export async function readLearnerFiles(dir: string): Promise<Record<string, string>> {
  const files = await readPack(dir);
  return Object.fromEntries(
    Object.entries(files).filter(([name]) => !name.endsWith("/") && !name.startsWith("tests/") && name !== "exercise.json"),
  );
}

export async function isDirectory(dir: string): Promise<boolean> {
  return stat(dir).then((s) => s.isDirectory(), () => false);
}
