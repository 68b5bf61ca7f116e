/**
 * Dev harness: runs exercise packs' hidden tests through the in-page runtime's Vitest shim in plain
 * Node, printing one RunResults JSON line per run — what `roadlab run <pack> --files <dir> --json`
 * prints under real Vitest.
 *
 *   node --import tsx src/runtime/local/vitest/dev/run-pack.ts <pack>… [--files <dir>]
 *        [--timeout <ms>] [--repeat <n>] [--abort-after <ms>] [--events]
 *
 * Every pack runs in this one process, one after another, like runs in one long-lived worker;
 * --repeat runs the whole list n times. Learner files come from --files, else from <pack>/solution.
 * --abort-after cancels each run that long after it starts; --events prints every test event to
 * stderr, one JSON line each.
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
    "abort-after": { type: "string" },
    events: { type: "boolean", default: false },
  },
});
if (positionals.length === 0) {
  process.stderr.write("usage: run-pack.ts <pack>… [--files <dir>] [--timeout <ms>] [--repeat <n>] [--abort-after <ms>] [--events]\n");
  process.exit(2);
}

const root = await mkdtemp(path.join(os.tmpdir(), "roadlab-shim-"));
register(new URL("./hooks.mjs", import.meta.url), {
  data: { root, shim: new URL("../index.ts", import.meta.url).href },
});

let failed = false;
let runs = 0;
try {
  for (let round = 0; round < Number(values.repeat); round++) {
    for (const pack of positionals) {
      const { exercise, problems } = await loadExercise(pack);
      if (!exercise) {
        for (const problem of problems) process.stderr.write(`${formatProblem(problem)}\n`);
        process.exit(2);
      }
      const learner = await readLearnerFiles(values.files ?? path.join(pack, "solution"));
      // A fresh folder per run: new module URLs, so every file is evaluated again, as the worker's
      // blob-URL linker does.
      const dir = path.join(root, `run-${++runs}`);
      for (const [name, text] of Object.entries({ ...learner, ...exercise.tests })) {
        await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
        await writeFile(path.join(dir, name), text);
      }
      const abort = new AbortController();
      const abortAfter = values["abort-after"];
      const timer = abortAfter === undefined ? undefined : setTimeout(() => abort.abort(), Number(abortAfter));
      const results = await runTestFiles({
        files: Object.keys(exercise.tests).filter((file) => file.endsWith(".test.ts")).sort(),
        importModule: (file) => import(pathToFileURL(path.join(dir, file)).href),
        timeoutMs: values.timeout ? Number(values.timeout) : exercise.config.timeoutMs,
        onEvent: (event) => {
          if (values.events) process.stderr.write(`${JSON.stringify(event)}\n`);
        },
        signal: abort.signal,
      });
      clearTimeout(timer);
      failed ||= results.status !== "pass";
      process.stdout.write(`${JSON.stringify(results)}\n`);
    }
  }
} finally {
  await rm(root, { recursive: true, force: true });
}
process.exitCode = failed ? 1 : 0;
