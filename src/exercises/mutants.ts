import { suggestion } from "./did-you-mean";
import type { Problem } from "./problems";

/**
 * A plausible wrong solution under `mutants/<name>/`: the files that differ from solution/, with
 * solution's names. `roadlab check` runs solution/ overlaid with them and requires a failing test.
 */
export interface Mutant {
  name: string;
  /** Only the changed files, keyed as in solution/ (`main.ts`). */
  files: Record<string, string>;
  /** The first line of the optional `README.md`: which rule the mutant breaks. */
  readme?: string;
}

const NAME = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const PREFIX = "mutants/";

/** The mutant names in a pack's files (keys such as `mutants/off-by-one/main.ts`), sorted. */
export function mutantNames(files: Record<string, string>): string[] {
  const names = new Set<string>();
  for (const path of Object.keys(files)) {
    if (!path.startsWith(PREFIX)) continue;
    const [name, ...rest] = path.slice(PREFIX.length).split("/");
    if (name && rest.length > 0) names.add(name);
  }
  return [...names].sort();
}

/** Parses `mutants/`, one problem per line for a bad name, a stray file, or an empty or pointless mutant. */
export function parseMutants(
  files: Record<string, string>,
  solution: Record<string, string>,
  readonly: readonly string[],
  at: (file: string) => string,
  problems: Problem[],
): Mutant[] {
  for (const path of Object.keys(files)) {
    const rest = path.slice(PREFIX.length);
    if (path.startsWith(PREFIX) && rest && !rest.includes("/")) {
      problems.push({ file: at(path), message: "is not in a mutant's folder — put each wrong solution in mutants/<name>/" });
    }
  }
  return mutantNames(files).map((name) => {
    const prefix = `${PREFIX}${name}/`;
    const own = Object.entries(files).filter(([path]) => path.startsWith(prefix) && !path.endsWith("/"));
    const mutant: Mutant = { name, files: {} };
    if (!NAME.test(name)) problems.push({ file: at(prefix), message: `mutant name "${name}" is not kebab-case` });
    for (const [path, text] of own) {
      const file = path.slice(prefix.length);
      if (file === "README.md") {
        mutant.readme = text.split("\n").map((line) => line.trim()).find(Boolean);
      } else if (!(file in solution)) {
        problems.push({ file: at(path), message: `is not in solution/ — a mutant's files have solution's names${suggestion(file, Object.keys(solution))}` });
      } else if (readonly.includes(file)) {
        problems.push({ file: at(path), message: `is read-only ("readonly" in exercise.json): graders restore it from starter/, so this change would never run` });
      } else if (text === solution[file]) {
        problems.push({ file: at(path), message: `is the same as solution/${file} — keep only the files the mutant changes` });
      } else {
        mutant.files[file] = text;
      }
    }
    if (!own.some(([path]) => path !== `${prefix}README.md`)) {
      problems.push({ file: at(prefix), message: "is empty — a mutant holds at least one of solution's files, changed" });
    }
    return mutant;
  });
}

/** solution/ overlaid with the mutant's files: what `roadlab check` runs. */
export function mutantFiles(solution: Record<string, string>, mutant: Mutant): Record<string, string> {
  return { ...solution, ...mutant.files };
}
