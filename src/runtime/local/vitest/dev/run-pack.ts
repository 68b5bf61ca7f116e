/**
 * Dev harness: runs exercise packs' hidden tests through the in-page runtime's Vitest shim in plain
 * Node, printing one RunResults JSON line per run — what `roadlab run <pack> --files <dir> --json`
 * prints under real Vitest.
 *
 *   node --import tsx src/runtime/local/vitest/dev/run-pack.ts <pack>… [--files <dir>]
 *        [--timeout <ms>] [--repeat <n>] [--abort-after <ms>] [--events]
 *
 * Files are linked by the worker's own linker (../../module-graph.ts: transpiling, mock hoisting,
 * the module registry), into .mjs files instead of blob: URLs; `vitest` is the shim.
 * Every pack runs in this one process, one after another, like runs in one long-lived worker;
 * --repeat runs the whole list n times. Learner files come from --files, else from <pack>/solution.
 * --abort-after cancels each run that long after it starts; --events prints every test event to
 * stderr, one JSON line each.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";
import { loadExercise } from "../../../../cli/exercise-loader";
import { readLearnerFiles } from "../../../../cli/load-pack";
import { allowedPackages } from "../../../../exercises/packages";
import { formatProblem } from "../../../../exercises/problems";
import { linkModules, type ModuleStore } from "../../module-graph";
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
const shim = new URL("../index.ts", import.meta.url).href;
const db = new URL("../../../../harness/db.ts", import.meta.url).href;
const packageUrl = (specifier: string) => (specifier === "vitest" ? shim : specifier === "@roadlab/db" ? db : import.meta.resolve(specifier));

/** Every linked module a file of its own, so Node's loader evaluates each once, as a blob: URL is. */
function fileStore(dir: string): ModuleStore {
  let count = 0;
  return {
    create(code, file) {
      const target = path.join(dir, `${++count}-${file.replace(/[^\w.-]/g, "_")}.mjs`);
      mkdirSync(dir, { recursive: true });
      writeFileSync(target, code);
      return pathToFileURL(target).href;
    },
    revoke: () => {},
  };
}

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
      // A fresh folder per run: new module URLs, so every file is evaluated again, as in the worker.
      const dir = path.join(root, `run-${++runs}`);
      const allowed = [...allowedPackages(exercise.config.packages ?? [])];
      const graph = await linkModules({ ...learner, ...exercise.tests }, packageUrl, allowed, fileStore(dir));
      const abort = new AbortController();
      const abortAfter = values["abort-after"];
      const timer = abortAfter === undefined ? undefined : setTimeout(() => abort.abort(), Number(abortAfter));
      const results = await runTestFiles({
        files: Object.keys(exercise.tests).filter((file) => file.endsWith(".test.ts")).sort(),
        importModule: (file) => graph.load(file),
        timeoutMs: values.timeout ? Number(values.timeout) : exercise.config.timeoutMs,
        onEvent: (event) => {
          if (values.events) process.stderr.write(`${JSON.stringify(event)}\n`);
        },
        signal: abort.signal,
        testFiles: exercise.tests,
      });
      clearTimeout(timer);
      graph.dispose();
      failed ||= results.status !== "pass";
      process.stdout.write(`${JSON.stringify(results)}\n`);
    }
  }
} finally {
  await rm(root, { recursive: true, force: true });
}
process.exitCode = failed ? 1 : 0;
