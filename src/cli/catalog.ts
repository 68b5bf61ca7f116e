import pc from "picocolors";
import { coverage, type PhaseCoverage } from "../exercises/coverage";
import { duplicateCheckpointProblems, type Exercise } from "../exercises/pack";
import { formatProblem } from "../exercises/problems";
import { loadExercise } from "./exercise-loader";
import { findPacks, isDirectory } from "./load-pack";
import { UsageError, type CliOptions } from "./options";

interface CatalogExercise {
  slug: string;
  dir: string;
  config: Exercise["config"];
  mutants: number;
}

/** `roadlab catalog [dirs…]`: per phase, its exercises, its checkpoint and the topics no exercise teaches yet. */
export async function catalog(args: string[], options: CliOptions): Promise<number> {
  const dirs = args.length > 0 ? args : ["exercises"];
  const packDirs: string[] = [];
  for (const dir of dirs) {
    if (!(await isDirectory(dir))) throw new UsageError(`no folder at ${dir}`);
    packDirs.push(...(await findPacks(dir)));
  }
  const loaded = await Promise.all(packDirs.map(loadExercise));
  const problems = loaded.flatMap((l) => l.problems.map(formatProblem));
  const exercises = loaded.flatMap((l) => (l.exercise ? [l.exercise] : [])).map((e): CatalogExercise => ({
      slug: e.slug, dir: e.dir, config: e.config, mutants: e.mutants.length,
  }));
  problems.push(...duplicateCheckpointProblems(exercises).map(formatProblem));
  const phases = coverage(exercises);
  const totals = totalsOf(phases, problems.length);

  if (options.json) {
    process.stdout.write(`${JSON.stringify({ ok: problems.length === 0, phases: phases.map(toJson), totals, problems })}\n`);
  } else {
    process.stdout.write(phases.map(formatPhase).join(""));
    for (const p of problems) process.stdout.write(`${pc.red("✗")} ${p}\n`);
    process.stdout.write(`\n${formatTotals(totals)}\n`);
  }
  return problems.length === 0 ? 0 : 1;
}

function totalsOf(phases: PhaseCoverage<CatalogExercise>[], problems: number) {
  const topics = phases.reduce((n, p) => n + p.phase.topics.length, 0);
  const taught = phases.reduce((n, p) => n + p.taught.length, 0);
  return {
    phases: phases.length,
    phasesWithExercises: phases.filter((p) => p.exercises.length > 0).length,
    exercises: phases.reduce((n, p) => n + p.exercises.length, 0),
    checkpoints: phases.filter((p) => p.checkpoint).length,
    topics,
    taught,
    untaught: topics - taught,
    mutants: phases.reduce((n, p) => n + p.exercises.reduce((m, e) => m + e.mutants, 0), 0),
    problems,
  };
}

function toJson(p: PhaseCoverage<CatalogExercise>) {
  return {
    number: p.phase.number,
    slug: p.phase.slug,
    title: p.phase.title,
    checkpoint: p.checkpoint?.slug ?? null,
    exercises: p.exercises.map((e) => ({
      slug: e.slug, dir: e.dir, title: e.config.title, difficulty: e.config.difficulty,
      topics: e.config.topics, checkpoint: e.config.checkpoint, mutants: e.mutants,
    })),
    taught: p.taught,
    untaught: p.untaught,
  };
}

function formatPhase(p: PhaseCoverage<CatalogExercise>): string {
  const head = `${pc.bold(`${String(p.phase.number).padStart(2)}. ${p.phase.title}`)} ${pc.dim(`(${p.exercises.length} exercise(s), ${p.checkpoint ? "checkpoint: " + p.checkpoint.slug : "no checkpoint"})`)}`;
  const lines = [head];
  for (const e of p.exercises) {
    const marks = [e.config.difficulty, `${e.mutants} mutant(s)`, ...(e.config.checkpoint ? ["checkpoint"] : [])].join(", ");
    lines.push(`    ${e.config.checkpoint ? pc.cyan("◆") : "•"} ${e.slug} ${pc.dim(`— ${e.config.topics.join(", ") || "no topics"} (${marks})`)}`);
  }
  if (p.exercises.length === 0) lines.push(`    ${pc.yellow("no exercises yet;")} topics: ${p.untaught.join(", ")}`);
  else if (p.untaught.length > 0) lines.push(`    ${pc.yellow("not taught yet:")} ${p.untaught.join(", ")}`);
  return `${lines.join("\n")}\n`;
}

function formatTotals(t: ReturnType<typeof totalsOf>): string {
  const line = `${t.exercises} exercise(s) in ${t.phasesWithExercises} of ${t.phases} phases; ${t.checkpoints} checkpoint(s); ${t.taught} of ${t.topics} topics taught, ${t.untaught} not yet; ${t.mutants} mutant(s)`;
  return t.problems > 0 ? pc.red(`${line}; ${t.problems} problem(s)`) : pc.green(line);
}
