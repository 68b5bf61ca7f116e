import { exerciseFields, exerciseSchema, type ExerciseConfig } from "./schema";
import { allowedPackages, importProblem, isRelativeSpecifier } from "./packages";
import { scanImports } from "./imports";
import { resolveRelative } from "./resolve";
import { suggestion } from "./did-you-mean";
import { jsonProblem, schemaProblems, type Problem } from "./problems";
import { phaseByNumber } from "./phases";
import { parseMutants, type Mutant } from "./mutants";

export { mutantNames, mutantFiles, type Mutant } from "./mutants";

/** An exercise pack's files, keyed by path relative to its folder (`starter/main.ts`, `seed.sql`, …). */
export type PackFiles = Record<string, string>;

export interface Exercise {
  slug: string;
  /** Where the pack lives, as shown in messages (`exercises/04-…/sql-queries`). */
  dir: string;
  config: ExerciseConfig;
  readme: string;
  /** Learner files, keyed by their path at the exercise root (`main.ts`). */
  starter: Record<string, string>;
  solution: Record<string, string>;
  /** Hidden tests, keyed by `tests/<name>.test.ts`. */
  tests: Record<string, string>;
  seed?: string;
  /** Plausible wrong solutions from `mutants/`, sorted by name; each must fail a hidden test. */
  mutants: Mutant[];
}

export interface PackResult {
  exercise?: Exercise;
  problems: Problem[];
}

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export async function parsePack(dir: string, files: PackFiles): Promise<PackResult> {
  const problems: Problem[] = [];
  const at = (file: string) => (file ? `${dir}/${file}` : dir);
  const slug = dir.split("/").filter(Boolean).pop() ?? "";
  if (!SLUG.test(slug)) problems.push({ file: at(""), message: `folder name "${slug}" is not a kebab-case slug` });

  const config = parseConfig(files["exercise.json"], at("exercise.json"), problems);
  if (config) checkPhaseFolder(dir, config, problems);
  if (config) checkTopics(config, at("exercise.json"), problems);

  if (!("README.md" in files)) problems.push({ file: at("README.md"), message: "missing — the instructions the learner reads" });
  const starter = folder(files, "starter/");
  const solution = folder(files, "solution/");
  const tests = Object.fromEntries(Object.entries(folder(files, "tests/")).map(([k, v]) => [`tests/${k}`, v]));
  if (!hasFolder(files, "starter/")) problems.push({ file: at("starter/"), message: "missing — the files the learner starts from" });
  else if (Object.keys(starter).length === 0) problems.push({ file: at("starter/"), message: "is empty — add the files the learner starts from" });
  if (!hasFolder(files, "solution/")) problems.push({ file: at("solution/"), message: "missing — the reference solution, with the starter's file names" });
  const testFiles = Object.keys(tests).filter((f) => f.endsWith(".test.ts"));
  if (testFiles.length === 0) problems.push({ file: at("tests/"), message: "missing or has no *.test.ts files — the hidden tests" });

  const allowed = allowedPackages(config?.packages ?? []);
  if (hasFolder(files, "starter/") && hasFolder(files, "solution/")) {
    for (const f of Object.keys(starter)) if (!(f in solution)) problems.push({ file: at(`solution/${f}`), message: `missing — starter/ has ${f}, so the solution must too` });
    for (const f of Object.keys(solution)) if (!(f in starter)) problems.push({ file: at(`solution/${f}`), message: `is not in starter/ — solution files must have the starter's names` });
  }
  for (const f of config?.readonly ?? []) {
    if (!(f in starter)) problems.push({ file: at("exercise.json"), field: "readonly", message: `names "${f}", which starter/ lacks${suggestion(f, Object.keys(starter))}` });
    else if (f in solution && solution[f] !== starter[f]) problems.push({ file: at(`solution/${f}`), message: `differs from starter/${f}, which is read-only — graders restore it from starter/, so the solution must not change it` });
  }
  const mutants = parseMutants(files, solution, config?.readonly ?? [], at, problems);
  for (const mutant of mutants) {
    await checkImports(mutant.files, { ...solution, ...mutant.files }, allowed, (f) => at(`mutants/${mutant.name}/${f}`), problems, true);
  }

  await checkImports(tests, { ...starter, ...tests }, allowed, at, problems);
  await checkImports(starter, starter, allowed, (f) => at(`starter/${f}`), problems, true);

  if (problems.length > 0 || !config) return { problems };
  return {
    problems,
    exercise: { slug, dir, config, readme: files["README.md"], starter, solution, tests, seed: files["seed.sql"], mutants },
  };
}

/** Slugs must be unique across the catalog: they are the exercise's address in the app. */
export function duplicateSlugProblems(exercises: readonly Pick<Exercise, "slug" | "dir">[]): Problem[] {
  const seen = new Map<string, string>();
  const problems: Problem[] = [];
  for (const { slug, dir } of exercises) {
    const first = seen.get(slug);
    if (first) problems.push({ file: dir, message: `slug "${slug}" is already used by ${first} — slugs must be unique` });
    else seen.set(slug, dir);
  }
  return problems;
}

function parseConfig(text: string | undefined, file: string, problems: Problem[]): ExerciseConfig | undefined {
  if (text === undefined) {
    problems.push({ file, message: "missing — needs at least a title and a phase" });
    return undefined;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    problems.push({ file, message: `is not valid JSON: ${jsonProblem(text, error as Error)}` });
    return undefined;
  }
  const result = exerciseSchema.safeParse(json);
  if (result.success) return result.data;
  problems.push(...schemaProblems(file, result.error, json, exerciseFields));
  return undefined;
}

/** `exercises/04-relational-databases/x` must say phase 4, so the roadmap and the folders agree. */
function checkPhaseFolder(dir: string, config: ExerciseConfig, problems: Problem[]) {
  const parent = dir.split("/").filter(Boolean).slice(-2, -1)[0] ?? "";
  const match = /^(\d+)-(.+)$/.exec(parent);
  if (!match) return;
  const phase = phaseByNumber(config.phase);
  if (Number(match[1]) !== config.phase || match[2] !== phase?.slug) {
    problems.push({
      file: `${dir}/exercise.json`,
      field: "phase",
      message: `is ${config.phase}, but the folder is ${parent} (phase ${config.phase} lives in ${String(config.phase).padStart(2, "0")}-${phase?.slug})`,
    });
  }
}

/** Topics must be the phase's own, so the roadmap and `roadlab catalog` can count what is taught. */
function checkTopics(config: ExerciseConfig, file: string, problems: Problem[]) {
  const phase = phaseByNumber(config.phase);
  if (!phase) return;
  config.topics.forEach((topic, i) => {
    if (phase.topics.includes(topic)) return;
    const hint = suggestion(topic, phase.topics) || ` — phase ${phase.number}'s topics: ${phase.topics.join(", ")}`;
    problems.push({ file, field: `topics.${i}`, message: `"${topic}" is not a topic of phase ${phase.number} (${phase.title})${hint}` });
  });
  const seen = new Set<string>();
  config.topics.forEach((topic, i) => {
    if (seen.has(topic)) problems.push({ file, field: `topics.${i}`, message: `"${topic}" is listed twice` });
    seen.add(topic);
  });
}

/** At most one checkpoint per phase: the roadmap shows it as the phase's closing project. */
export function duplicateCheckpointProblems(exercises: readonly Pick<Exercise, "slug" | "dir" | "config">[]): Problem[] {
  const seen = new Map<number, string>();
  const problems: Problem[] = [];
  for (const { dir, config } of exercises) {
    if (!config.checkpoint) continue;
    const first = seen.get(config.phase);
    if (first) problems.push({ file: `${dir}/exercise.json`, field: "checkpoint", message: `phase ${config.phase} already has a checkpoint, ${first} — at most one per phase` });
    else seen.set(config.phase, dir);
  }
  return problems;
}

async function checkImports(
  sources: Record<string, string>,
  available: Record<string, string>,
  allowed: Set<string>,
  at: (file: string) => string,
  problems: Problem[],
  learner = false,
) {
  const exists = (path: string) => path in available;
  for (const [file, code] of Object.entries(sources)) {
    if (!/\.(ts|tsx|js)$/.test(file)) continue;
    const scan = await scanImports(code, file);
    if (scan.error && !learner) problems.push({ file: at(file), message: `cannot be parsed: ${scan.error}` });
    for (const spec of scan.specifiers) {
      if (!isRelativeSpecifier(spec)) {
        const problem = importProblem(spec, allowed);
        if (problem) problems.push({ file: at(file), message: problem });
      } else if (!resolveRelative(file, spec, exists)) {
        const names = Object.keys(available).map((f) => relativeSpecifier(file, f));
        problems.push({ file: at(file), message: `imports "${spec}", which ${learner ? "starter/" : "the starter and tests"} lack${learner ? "s" : ""}${suggestion(spec, names)}` });
      }
    }
  }
}

function relativeSpecifier(from: string, to: string): string {
  const stem = to.replace(/\.(ts|tsx|js)$/, "");
  return from.startsWith("tests/") ? (stem.startsWith("tests/") ? `./${stem.slice(6)}` : `../${stem}`) : `./${stem}`;
}

function folder(files: PackFiles, prefix: string): Record<string, string> {
  return Object.fromEntries(
    Object.entries(files)
      .filter(([path]) => path.startsWith(prefix) && !path.endsWith("/"))
      .map(([path, text]) => [path.slice(prefix.length), text]),
  );
}

function hasFolder(files: PackFiles, prefix: string): boolean {
  return Object.keys(files).some((path) => path.startsWith(prefix));
}
