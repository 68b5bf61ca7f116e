/**
 * An exercise's files for the app, fetched only when it is opened: each file is its own lazy
 * chunk, so the roadmap pays for none of them (only exercise.json is inlined, in catalog.ts).
 */
import { CATALOG_KEY } from "./catalog-key";

type Loaders = Record<string, () => Promise<string>>;

// Vite reads glob options statically: they must be written inline, not shared through a variable.
const readmes: Loaders = import.meta.glob<string>("@roadlab-catalog/*/*/README.md", { query: "?raw", import: "default" });
const starters: Loaders = import.meta.glob<string>("@roadlab-catalog/*/*/starter/**/*", { query: "?raw", import: "default" });
const solutions: Loaders = import.meta.glob<string>("@roadlab-catalog/*/*/solution/**/*", { query: "?raw", import: "default" });
const tests: Loaders = import.meta.glob<string>("@roadlab-catalog/*/*/tests/**/*", { query: "?raw", import: "default" });
const seeds: Loaders = import.meta.glob<string>("@roadlab-catalog/*/*/seed.sql", { query: "?raw", import: "default" });

export interface ExerciseFiles {
  readme: string;
  /** Learner files keyed by their path at the exercise root (`main.ts`). */
  starter: Record<string, string>;
  solution: Record<string, string>;
  /** Hidden tests and their helpers, keyed `tests/<name>`. */
  tests: Record<string, string>;
  seed?: string;
}

const cache = new Map<string, Promise<ExerciseFiles>>();

/** `path` is the catalog path, `01-internet/http-request-parser`. Loads once per session. */
export function loadExerciseFiles(path: string): Promise<ExerciseFiles> {
  let files = cache.get(path);
  if (!files) {
    files = loadAll(path);
    cache.set(path, files);
    files.catch(() => cache.delete(path));
  }
  return files;
}

export function loadReadme(path: string): Promise<string> {
  return readmes[`${CATALOG_KEY}${path}/README.md`]?.() ?? Promise.resolve("");
}

export function hasSeed(path: string): boolean {
  return `${CATALOG_KEY}${path}/seed.sql` in seeds;
}

export function learnerFileNames(path: string): string[] {
  return Object.keys(under(starters, `${CATALOG_KEY}${path}/starter/`)).sort();
}

async function loadAll(path: string): Promise<ExerciseFiles> {
  const root = `${CATALOG_KEY}${path}/`;
  const [readme, starter, solution, testFiles, seed] = await Promise.all([
    loadReadme(path),
    loadFolder(under(starters, `${root}starter/`)),
    loadFolder(under(solutions, `${root}solution/`)),
    loadFolder(under(tests, `${root}tests/`), "tests/"),
    seeds[`${root}seed.sql`]?.(),
  ]);
  return { readme, starter, solution, tests: testFiles, seed };
}

/** The loaders below `prefix`, keyed by the rest of their path. */
function under(loaders: Loaders, prefix: string): Loaders {
  return Object.fromEntries(
    Object.entries(loaders)
      .filter(([key]) => key.startsWith(prefix))
      .map(([key, load]) => [key.slice(prefix.length), load]),
  );
}

async function loadFolder(loaders: Loaders, keyPrefix = ""): Promise<Record<string, string>> {
  const entries = await Promise.all(Object.entries(loaders).map(async ([name, load]) => [keyPrefix + name, await load()] as const));
  return Object.fromEntries(entries);
}
