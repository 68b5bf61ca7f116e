/**
 * Runs exercise packs under real Vitest (`roadlab run --runtime node`) and under the shim, and
 * reports where the results differ. Names, statuses and the run's status must match (exit 1
 * otherwise); messages and console output are compared too and reported, ANSI-free.
 *
 *   node --import tsx src/runtime/local/vitest/dev/compare.ts [--browser] [pack-or-folder…]
 *
 * The shim runs in plain Node through ./run-pack.ts, or with --browser in the app's real worker
 * (`roadlab run --runtime browser`, which builds the app first if needed). Packs default to
 * tests/fixtures/vitest-surface; learner files come from each pack's solution/.
 */
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { fileURLToPath } from "node:url";
import { findPacks } from "../../../../cli/load-pack";
import { stripAnsi, type RunResults, type TestResult } from "../../../results";

const run = promisify(execFile);
const repo = path.resolve(fileURLToPath(new URL(".", import.meta.url)), "../../../../..");
const harness = fileURLToPath(new URL("./run-pack.ts", import.meta.url));

async function results(args: string[]): Promise<RunResults> {
  const { stdout } = await run(process.execPath, args, { cwd: repo, maxBuffer: 16 << 20 }).catch((error: { stdout?: string }) => ({
    stdout: error.stdout ?? "",
  }));
  return JSON.parse(stdout.trim().split("\n").at(-1) ?? "") as RunResults;
}

const node = (pack: string) => results(["bin/roadlab.js", "run", pack, "--files", `${pack}/solution`, "--json"]);
const browser = process.argv.includes("--browser");
const shim = (pack: string) =>
  browser
    ? results(["bin/roadlab.js", "run", pack, "--files", `${pack}/solution`, "--runtime", "browser", "--json"])
    : results(["--import", "tsx", harness, pack, "--files", `${pack}/solution`]);

function compare(real: RunResults, ours: RunResults): { hard: string[]; soft: string[] } {
  const hard: string[] = [];
  const soft: string[] = [];
  if (real.status !== ours.status) hard.push(`run status: node ${real.status}, shim ${ours.status}`);
  if (stripAnsi(real.message ?? "") !== stripAnsi(ours.message ?? "")) soft.push(`run message:\n  node: ${JSON.stringify(real.message)}\n  shim: ${JSON.stringify(ours.message)}`);
  const byName = new Map(ours.tests.map((t) => [t.name, t]));
  const realNames = real.tests.map((t) => t.name);
  if (realNames.join("\n") !== ours.tests.map((t) => t.name).join("\n")) {
    const missing = realNames.filter((n) => !byName.has(n));
    const extra = ours.tests.map((t) => t.name).filter((n) => !realNames.includes(n));
    hard.push(missing.length || extra.length ? `names: only under node ${JSON.stringify(missing)}, only in shim ${JSON.stringify(extra)}` : "names: same tests, different order");
  }
  for (const test of real.tests) {
    const other = byName.get(test.name);
    if (!other) continue;
    if (test.status !== other.status) hard.push(`${test.name}: node ${test.status}, shim ${other.status}`);
    for (const field of ["message", "output"] as const satisfies (keyof TestResult)[]) {
      const [a, b] = [stripAnsi(test[field] ?? ""), stripAnsi(other[field] ?? "")];
      if (a !== b) soft.push(`${test.name} — ${field}:\n  node: ${JSON.stringify(a)}\n  shim: ${JSON.stringify(b)}`);
    }
  }
  return { hard, soft };
}

const targets = process.argv.slice(2).filter((arg) => arg !== "--browser");
const packs = (await Promise.all((targets.length ? targets : ["tests/fixtures/vitest-surface"]).map((dir) => findPacks(dir)))).flat();
let failed = false;
for (const pack of packs) {
  // One after the other under --browser: Chromium and Vitest's workers on a 2-core machine skew timeouts.
  const [real, ours] = browser ? [await node(pack), await shim(pack)] : await Promise.all([node(pack), shim(pack)]);
  const { hard, soft } = compare(real, ours);
  failed ||= hard.length > 0;
  const verdict = hard.length ? "DIFFERENT" : soft.length ? "same names and statuses; details differ" : "identical (durations aside)";
  process.stdout.write(`${path.basename(pack)}: ${real.status}, ${real.tests.length} tests — ${verdict}\n`);
  for (const line of [...hard, ...soft]) process.stdout.write(`  ${line.replaceAll("\n", "\n  ")}\n`);
}
process.exitCode = failed ? 1 : 0;
