import { exerciseSchema, type ExerciseConfig } from "./schema";

/** What the roadmap needs to list an exercise; the files load when it is opened. */
export interface CatalogEntry {
  slug: string;
  /** `01-internet/http-request-parser` */
  path: string;
  config: ExerciseConfig;
}

// Vite inlines every exercise.json at build time; the CLI validates them, so parsing here only fills defaults.
const configs = import.meta.glob<string>("/exercises/*/*/exercise.json", { query: "?raw", import: "default", eager: true });
const readmes = import.meta.glob<string>("/exercises/*/*/README.md", { query: "?raw", import: "default" });

export const catalog: CatalogEntry[] = Object.entries(configs)
  .map(([file, text]) => {
    const path = file.replace(/^\/exercises\//, "").replace(/\/exercise\.json$/, "");
    return { slug: path.split("/")[1], path, config: exerciseSchema.parse(JSON.parse(text)) };
  })
  .sort((a, b) => a.config.phase - b.config.phase || a.config.order - b.config.order || a.slug.localeCompare(b.slug));

export function findExercise(slug: string): CatalogEntry | undefined {
  return catalog.find((e) => e.slug === slug);
}

export function loadReadme(entry: CatalogEntry): Promise<string> {
  const load = readmes[`/exercises/${entry.path}/README.md`];
  return load ? load() : Promise.resolve("");
}
