import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

/** A throwaway folder holding one workspace per variant of a batch (run-node.ts). */
export async function createBatchRoot(): Promise<{ root: string; dispose: () => Promise<void> }> {
  const root = await mkdtemp(path.join(os.tmpdir(), "roadlab-"));
  return { root, dispose: () => rm(root, { recursive: true, force: true }) };
}

/** A folder laid out as the runtime promises: learner files at its root, tests in tests/. */
export async function writeWorkspace(
  root: string,
  learnerFiles: Record<string, string>,
  tests: Record<string, string>,
  seed?: string,
): Promise<void> {
  const files = { ...learnerFiles, ...tests, ...(seed === undefined ? {} : { "seed.sql": seed }) };
  for (const [name, text] of Object.entries(files)) {
    const target = path.join(root, name);
    if (!target.startsWith(root + path.sep)) throw new Error(`refusing to write outside the workspace: ${name}`);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, text);
  }
  await mkdir(root, { recursive: true });
}
