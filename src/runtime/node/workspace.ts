import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

/** A throwaway folder laid out as the runtime promises: learner files at the root, tests in tests/. */
export async function createWorkspace(
  learnerFiles: Record<string, string>,
  tests: Record<string, string>,
  seed?: string,
): Promise<{ root: string; dispose: () => Promise<void> }> {
  const root = await mkdtemp(path.join(os.tmpdir(), "roadlab-"));
  const files = { ...learnerFiles, ...tests, ...(seed === undefined ? {} : { "seed.sql": seed }) };
  for (const [name, text] of Object.entries(files)) {
    const target = path.join(root, name);
    if (!target.startsWith(root + path.sep)) throw new Error(`refusing to write outside the workspace: ${name}`);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, text);
  }
  return { root, dispose: () => rm(root, { recursive: true, force: true }) };
}
