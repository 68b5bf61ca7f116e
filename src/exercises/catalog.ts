import { exerciseSchema, type ExerciseConfig } from "./schema";
import { CATALOG_KEY } from "./catalog-key";
import { hasSeed, learnerFileNames } from "./exercise-files";

/** What the roadmap needs to list an exercise; the files load when it is opened. */
export interface CatalogEntry {
  slug: string;
  /** `01-internet/http-request-parser` */
  path: string;
  config: ExerciseConfig;
  /** Whether a seed.sql gives the exercise a database (known without loading it). */
  hasSeed: boolean;
  /** The learner's file names (`main.ts`, …), sorted, known without loading them. */
  files: string[];
}

// Vite inlines every exercise.json at build time; the CLI validates them, so parsing here only fills defaults.
const configs = import.meta.glob<string>("@roadlab-catalog/*/*/exercise.json", { query: "?raw", import: "default", eager: true });

export const catalog: CatalogEntry[] = Object.entries(configs)
  .map(([file, text]) => {
    const path = file.slice(CATALOG_KEY.length).replace(/\/exercise\.json$/, "");
    return {
      slug: path.split("/")[1],
      path,
      config: exerciseSchema.parse(JSON.parse(text)),
      hasSeed: hasSeed(path),
      files: learnerFileNames(path),
    };
  })
  .sort((a, b) => a.config.phase - b.config.phase || a.config.order - b.config.order || a.slug.localeCompare(b.slug));

export function findExercise(slug: string): CatalogEntry | undefined {
  return catalog.find((e) => e.slug === slug);
}

/** The exercises before and after `slug` in catalog order, for previous/next links. */
export function neighbours(slug: string): { previous?: CatalogEntry; next?: CatalogEntry } {
  const index = catalog.findIndex((e) => e.slug === slug);
  if (index < 0) return {};
  return { previous: catalog[index - 1], next: catalog[index + 1] };
}

export { loadExerciseFiles, loadReadme, type ExerciseFiles } from "./exercise-files";
