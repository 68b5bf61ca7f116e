import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Exercise } from "../../exercises/pack";
import { phaseByNumber } from "../../exercises/phases";
import { repoRoot, viteBuild } from "../browser/app-build";

export interface SiteOptions {
  /** Validated exercises; what each one ships is what is staged (drop a field to leave it out). */
  exercises: readonly StagedExercise[];
  outDir: string;
  /** Vite's base: "./" (default) lets the site be served from any folder, or opened inside a zip's tree. */
  base?: string;
  /** Extra compile-time constants for the app (Vite `define`), e.g. an interview's settings. */
  define?: Record<string, string>;
  log?: (line: string) => void;
}

/** What of an exercise goes into a site: no mutants ever; `solution` and some tests may be withheld. */
export type StagedExercise = Pick<Exercise, "slug" | "config" | "readme" | "starter" | "tests" | "seed"> & {
  solution?: Exercise["solution"];
};

/**
 * Builds the app with only `exercises` inside: they are written to a staging folder in the
 * catalog layout (`<NN>-<phase>/<slug>/…`) and the app's catalog globs are pointed at it, so
 * nothing else from exercises/ — no other exercise, no mutant — can reach the output.
 */
export async function buildSite({ exercises, outDir, base = "./", define, log = () => {} }: SiteOptions): Promise<void> {
  const stagingRoot = path.join(repoRoot, "node_modules", ".roadlab");
  await mkdir(stagingRoot, { recursive: true });
  const stage = await mkdtemp(path.join(stagingRoot, "site-"));
  try {
    for (const exercise of exercises) await stageExercise(stage, exercise);
    log(`Building the app with ${exercises.length} exercise(s)…`);
    await viteBuild({ base, define, build: { outDir: path.resolve(outDir), emptyOutDir: true } }, stage);
  } finally {
    await rm(stage, { recursive: true, force: true });
  }
}

async function stageExercise(stage: string, exercise: StagedExercise): Promise<void> {
  const phase = phaseByNumber(exercise.config.phase);
  const dir = path.join(stage, `${String(exercise.config.phase).padStart(2, "0")}-${phase?.slug ?? "phase"}`, exercise.slug);
  const files: Record<string, string> = {
    "exercise.json": JSON.stringify(exercise.config, null, 2),
    "README.md": exercise.readme,
    ...prefixed("starter/", exercise.starter),
    ...prefixed("solution/", exercise.solution ?? {}),
    ...exercise.tests,
  };
  if (exercise.seed !== undefined) files["seed.sql"] = exercise.seed;
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(dir, name);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, text);
  }
}

function prefixed(prefix: string, files: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(files).map(([name, text]) => [prefix + name, text]));
}
