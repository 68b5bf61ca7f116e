/**
 * Dev harness: runs an exercise pack's hidden tests through the in-page runtime's Vitest shim in
 * plain Node, and prints the RunResults JSON that `roadlab run <pack> --files <dir> --json` prints.
 *
 *   node --import tsx src/runtime/local/vitest/dev/run-pack.ts <pack> --files <dir>
 *        [--timeout <ms>] [--repeat <n>] [--events]
 *
 * --repeat runs the same pack n times in one process (a long-lived worker) and prints each result;
 * --events also prints every test event, one JSON line each, to stderr.
 */
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { register } from "node:module";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";
import { loadExercise } from "../../../../cli/exercise-loader";
import { readLearnerFiles } from "../../../../cli/load-pack";
import { formatProblem } from "../../../../exercises/problems";
import { runTestFiles } from "../run-test-files";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    files: { type: "string" },
    timeout: { type: "string" },
    repeat: { type: "string", default: "1" },
    events: { type: "boolean", default: false },
  },
});
if (positionals.length !== 1 || !values.files) {
  process.stderr.write("usage: run-pack.ts <pack> --files <dir> [--timeout <ms>] [--repeat <n>] [--events]\n");
  process.exit(2);
}

const { exercise, problems } = await loadExercise(positionals[0]);
if (!exercise) {
  for (const problem of problems) process.stderr.write(`${formatProblem(problem)}\n`);
  process.exit(2);
}
const learner = await readLearnerFiles(values.files);
const timeoutMs = values.timeout ? Number(values.timeout) : exercise.config.timeoutMs;
const testFiles = Object.keys(exercise.tests).filter((file) => file.endsWith(".test.ts")).sort();

const root = await mkdtemp(path.join(os.tmpdir(), "roadlab-shim-"));
register(new URL("./hooks.mjs", import.meta.url), {
  data: { root, shim: new URL("../index.ts", import.meta.url).href },
});

let failed = false;
try {
  for (let run = 1; run <= Number(values.repeat); run++) {
    const dir = path.join(root, `run-${run}`);
    for (const [name, text] of Object.entries({ ...learner, ...exercise.tests })) {
      await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
      await writeFile(path.join(dir, name), text);
    }
    const results = await runTestFiles({
      files: testFiles,
      importModule: (file) => import(pathToFileURL(path.join(dir, file)).href),
      timeoutMs,
      onEvent: (event) => {
        if (values.events) process.stderr.write(`${JSON.stringify(event)}\n`);
      },
    });
    failed ||= results.status !== "pass";
    process.stdout.write(`${JSON.stringify(results)}\n`);
  }
} finally {
  await rm(root, { recursive: true, force: true });
}
process.exitCode = failed ? 1 : 0;
