import path from "node:path";
import { parseArgs } from "node:util";
import pc from "picocolors";
import type { Exercise } from "../exercises/pack";
import { formatProblem } from "../exercises/problems";
import { suggestion } from "../exercises/did-you-mean";
import { taskHash } from "../exercises/submission";
import type { InterviewSettings } from "../exercises/interview-settings";
import { loadExercise } from "./exercise-loader";
import { isDirectory } from "./load-pack";
import { UsageError } from "./options";
import { buildSite, type StagedExercise } from "./site/build-site";

const USAGE = "roadlab interview <exercise-dir> --visible <test-file>… [--minutes N] [--title <text>] --out <dir>";

/**
 * `roadlab interview`: a static candidate site holding one exercise with only the visible tests —
 * no solution, no mutants, and the withheld tests only as digests inside the task hash.
 */
export async function interview(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      visible: { type: "string", multiple: true },
      minutes: { type: "string" },
      title: { type: "string" },
      out: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`Usage: ${USAGE}\n`);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError(`interview takes one exercise folder: ${USAGE}`);
  if (!values.out) throw new UsageError("interview needs --out <dir>: the folder the candidate bundle is written to");
  if (!values.visible?.length) throw new UsageError("interview needs --visible <test-file>: at least one test file the candidate may run");
  const minutes = parseMinutes(values.minutes);
  const [dir] = positionals;
  if (!(await isDirectory(dir))) throw new UsageError(`no exercise folder at ${dir}`);

  const { exercise, problems } = await loadExercise(dir);
  if (!exercise || problems.length > 0) {
    for (const problem of problems) process.stderr.write(`${formatProblem(problem)}\n`);
    return 1;
  }
  const visible = [...new Set(values.visible.map((name) => visibleTest(exercise, dir, name)))].sort();
  const settings: InterviewSettings = {
    slug: exercise.slug,
    title: values.title?.trim() || exercise.config.title,
    minutes,
    visible,
    hash: await taskHash({ slug: exercise.slug, readme: exercise.readme, starter: exercise.starter, tests: exercise.tests, visible, minutes }),
  };
  const outDir = path.resolve(values.out);
  const log = (line: string) => process.stdout.write(`${pc.dim(line)}\n`);
  log(`${exercise.dir}: ${visible.length} of ${Object.keys(exercise.tests).length} test file(s) visible, ${minutes === null ? "untimed" : `${minutes} minute(s)`}`);
  await buildSite({ exercises: [candidateView(exercise, visible)], outDir, define: { __ROADLAB_INTERVIEW__: JSON.stringify(settings) }, log });
  const relative = path.relative(process.cwd(), outDir);
  const shown = relative === "" ? "." : relative.startsWith("..") ? outDir : relative;
  process.stdout.write(
    [
      pc.green(`Candidate bundle for "${settings.title}" written to ${shown}`),
      `Task hash: ${settings.hash}`,
      "Host the folder on any static host (it works from any path), or try it locally:",
      `  npx vite preview --outDir ${shown}`,
      `  python3 -m http.server --directory ${shown}`,
      `The candidate's Submit downloads ${settings.slug}-submission.json; grade it with:`,
      `  roadlab grade ${settings.slug}-submission.json --exercise ${exercise.dir}`,
      "",
    ].join("\n"),
  );
  return 0;
}

/** What the candidate's site may hold: the visible tests (and the helpers they import) only, no solution, no hints. */
function candidateView(exercise: Exercise, visible: readonly string[]): StagedExercise {
  const tests = Object.fromEntries(withHelpers(exercise.tests, visible).map((name) => [name, exercise.tests[name]]));
  return { slug: exercise.slug, config: { ...exercise.config, hints: [] }, readme: exercise.readme, starter: exercise.starter, tests, seed: exercise.seed };
}

/** `names` and the files under tests/ they import by relative path (`./world`), transitively. */
export function withHelpers(tests: Record<string, string>, names: readonly string[]): string[] {
  const shipped = new Set<string>();
  const visit = (name: string) => {
    if (shipped.has(name) || !(name in tests)) return;
    shipped.add(name);
    for (const match of tests[name].matchAll(/\bfrom\s+["'](\.{1,2}\/[^"']+)["']|\bimport\s*\(?\s*["'](\.{1,2}\/[^"']+)["']/g)) {
      const spec = match[1] ?? match[2];
      const base = path.posix.join(path.posix.dirname(name), spec);
      const found = [base, ...[".ts", ".js", ".mts", ".json", "/index.ts"].map((ext) => base.replace(/\.(js|mjs)$/, "") + ext)].find((c) => c in tests);
      if (found) visit(found);
    }
  };
  names.forEach(visit);
  return [...shipped].sort();
}

/** `tests/x.test.ts`, `x.test.ts`, `<exercise-dir>/tests/x.test.ts` all name the same file. */
function visibleTest(exercise: Exercise, dir: string, name: string): string {
  const names = Object.keys(exercise.tests);
  const fromDir = path.relative(path.resolve(dir), path.resolve(name)).split(path.sep).join("/");
  const candidates = [name.split(path.sep).join("/"), fromDir, `tests/${name}`];
  const found = candidates.find((c) => names.includes(c));
  if (found) return found;
  const guess = !fromDir.startsWith("..") ? fromDir : name.includes("/") ? name : `tests/${name}`;
  throw new UsageError(`--visible: ${exercise.dir} has no test file ${name}${suggestion(guess, names)} — its tests: ${names.join(", ")}`);
}

function parseMinutes(text: string | undefined): number | null {
  if (text === undefined) return null;
  const minutes = Number(text);
  if (text.trim() === "" || !Number.isFinite(minutes) || minutes <= 0) {
    throw new UsageError(`--minutes must be a positive number of minutes, got "${text}"`);
  }
  return minutes;
}
