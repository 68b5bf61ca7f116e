import { readdir, readFile } from "node:fs/promises";
import pLimit from "p-limit";
import type { BrowserSession } from "../src/cli/browser/browser-session";
import { gradeSubmission, solutionBaseline, type Baseline } from "../src/cli/grade/grade-core";
import { toRequest, type Runner } from "../src/cli/runtimes";
import type { Exercise } from "../src/exercises/pack";
import type { Submission } from "../src/exercises/submission";
import { makeSubmission } from "../tests/helpers/make-submission";

/** The grading path of `roadlab grade --runtime browser`: the CLI's own core, pages reused, 2 at a time. */
function gradingRunner(session: BrowserSession, concurrency: number): Runner {
  const limit = pLimit(concurrency);
  return ({ exercise, files }) => limit(() => session.run(toRequest(exercise, files)));
}

/** Half solution, half starter, each a real chained log. */
async function submissions(exercise: Exercise, count: number): Promise<Submission[]> {
  const solution = await makeSubmission(exercise, exercise.solution, { pastes: [200] });
  const starter = await makeSubmission(exercise, exercise.starter);
  return Array.from({ length: count }, (_, i) => (i % 2 ? starter : solution));
}

async function gradeBatch(exercise: Exercise, baseline: Baseline, runner: Runner, batch: Submission[]) {
  const graded = await Promise.all(batch.map((s, i) => gradeSubmission(exercise, baseline, s, `c${i}.json`, runner)));
  const scores = new Set(graded.map((g) => g.score));
  if (!scores.has(100) || scores.size !== 2) throw new Error(`grading went wrong: scores ${[...scores].join(", ")}`);
  return graded;
}

/**
 * Submissions graded per second, warm (the session open and the baseline run), on the database
 * exercise: what a CI shard sustains once Chromium is up.
 */
export async function gradesPerSecond(session: BrowserSession, exercise: Exercise, count: number, samples: number): Promise<number[]> {
  const runner = gradingRunner(session, 2);
  const batch = await submissions(exercise, count);
  const baseline = await solutionBaseline(exercise, runner);
  await gradeBatch(exercise, baseline, runner, batch.slice(0, 2));
  const rates: number[] = [];
  for (let i = 0; i < samples; i++) {
    const start = performance.now();
    await gradeBatch(exercise, baseline, runner, batch);
    rates.push(count / ((performance.now() - start) / 1000));
  }
  return rates;
}

export interface MemorySample {
  graded: number;
  /** The runner pages' main-thread JS heap (CDP Performance.getMetrics JSHeapUsedSize), MB. */
  page_js_heap_mb: number;
  /** Resident memory of every Chromium process this benchmark started (workers, WASM, GPU…), MB. */
  chromium_rss_mb: number;
  node_rss_mb: number;
}

/** Memory after 50 and after 200 graded submissions in one session: flat when pages are reused well. */
export async function gradingMemory(session: BrowserSession, exercise: Exercise, marks: number[]): Promise<MemorySample[]> {
  const runner = gradingRunner(session, 2);
  const batch = await submissions(exercise, 50);
  const baseline = await solutionBaseline(exercise, runner);
  const samples: MemorySample[] = [];
  let graded = 0;
  for (const mark of marks) {
    while (graded < mark) {
      const take = Math.min(batch.length, mark - graded);
      await gradeBatch(exercise, baseline, runner, batch.slice(0, take));
      graded += take;
    }
    global.gc?.();
    samples.push({
      graded,
      page_js_heap_mb: mb(await session.jsHeapUsedBytes()),
      chromium_rss_mb: mb(await descendantRss(process.pid)),
      node_rss_mb: mb(process.memoryUsage().rss),
    });
  }
  return samples;
}

const mb = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;

/** Linux: the summed VmRSS of every process under `pid` (Chromium's browser, renderer, GPU…). */
async function descendantRss(pid: number): Promise<number> {
  const parents = new Map<number, number>();
  for (const entry of await readdir("/proc").catch(() => [])) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, "utf8").catch(() => "");
    const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    if (ppid) parents.set(Number(entry), ppid);
  }
  const under = (p: number): boolean => {
    for (let q = parents.get(p); q; q = parents.get(q)) if (q === pid) return true;
    return false;
  };
  let total = 0;
  for (const p of parents.keys()) {
    if (!under(p)) continue;
    const status = await readFile(`/proc/${p}/status`, "utf8").catch(() => "");
    total += Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
  }
  return total;
}
