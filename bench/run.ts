/**
 * `npm run bench`: the performance targets of DESIGN.md, measured side by side in one run on this
 * machine, in Chromium against the built app on loopback, with native Vitest as the baseline.
 * Prints a table and writes bench/results.json (medians with _min and _max, and machine info).
 */
import type { Browser } from "playwright-core";
import { readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { distDir, ensureAppBuilt, repoRoot } from "../src/cli/browser/app-build";
import { BrowserSession } from "../src/cli/browser/browser-session";
import { launchChromium } from "../src/cli/browser/chromium";
import { serveStatic } from "../src/cli/browser/static-server";
import { loadExercise } from "../src/cli/exercise-loader";
import type { Exercise } from "../src/exercises/pack";
import { openWithSolution, timeWarmRuns } from "./app-measures";
import { HEAVY_BACKENDS, packageChunkKb, timeFirstRun } from "./backends";
import { timeDbReset } from "./db-reset";
import { gradesPerSecond, gradingMemory, type MemorySample } from "./grade-measures";
import { timeNativeVitest } from "./native-vitest";
import { initialJsGzipKb, totalGzipKb } from "./sizes";
import { timeCheck, timeColdStart, timeFirstVerdict, timeReturnVisit } from "./start-measures";
import { figure, round, type Figure } from "./stats";

const DB_EXERCISE = "exercises/04-relational-databases/sql-queries";
const LOGIC_EXERCISE = "exercises/01-internet/http-request-parser";

async function exercise(dir: string): Promise<Exercise> {
  const { exercise: loaded, problems } = await loadExercise(path.join(repoRoot, dir));
  if (!loaded) throw new Error(`${dir}: ${problems.map((p) => p.message).join("; ")}`);
  return loaded;
}

function step(name: string) {
  process.stderr.write(`… ${name}\n`);
}

/**
 * `npm run bench -- --only grade`: just the grading measures; `--only start`: just the page's
 * start-up and run measures with the native baseline (no catalog check, no backends);
 * `--only backends`: the backends' first runs and the bundle sizes; `--only check`: `roadlab check`
 * over the catalog in both runtimes (`check_speedup`) — each merged into bench/results.json, for a
 * measurement while the machine is quiet.
 */
const only = process.argv.includes("--only") ? process.argv[process.argv.indexOf("--only") + 1] : undefined;

async function gradeMeasures(db: Exercise) {
  step("grading throughput: 20 submissions of the database exercise (3 samples), then memory after 50 and 200");
  const session = await BrowserSession.open();
  try {
    const rate = figure(await gradesPerSecond(session, db, 20, 3));
    const memory = await gradingMemory(session, db, [50, 200]);
    return { rate, memory };
  } finally {
    await session.close();
  }
}

function gradeResults({ rate, memory }: { rate: Figure; memory: MemorySample[] }) {
  const growth = (key: keyof MemorySample) => round((100 * (memory[1][key] - memory[0][key])) / memory[0][key]);
  return {
    grade_per_s_median: rate.median, grade_per_s_min: rate.min, grade_per_s_max: rate.max,
    grade_memory: { after_50: memory[0], after_200: memory[1], growth_percent: { page_js_heap: growth("page_js_heap_mb"), chromium_rss: growth("chromium_rss_mb"), node_rss: growth("node_rss_mb") } },
  };
}

function printGrade(results: ReturnType<typeof gradeResults>) {
  console.log(`
grade_per_s  median ${results.grade_per_s_median}  min ${results.grade_per_s_min}  max ${results.grade_per_s_max}  target ≥ 5`);
  const { after_50: a, after_200: b, growth_percent: g } = results.grade_memory;
  console.log("grade_memory               after 50   after 200   growth (flat: < ~20 %)");
  console.log(`page JS heap MB         ${String(a.page_js_heap_mb).padStart(11)} ${String(b.page_js_heap_mb).padStart(11)}   ${g.page_js_heap} %`);
  console.log(`Chromium RSS MB         ${String(a.chromium_rss_mb).padStart(11)} ${String(b.chromium_rss_mb).padStart(11)}   ${g.chromium_rss} %`);
  console.log(`Node RSS MB             ${String(a.node_rss_mb).padStart(11)} ${String(b.node_rss_mb).padStart(11)}   ${g.node_rss} %`);
}

const RESULTS = path.join(repoRoot, "bench", "results.json");

/** Each figure as the keys results.json keeps: `<name>_median`, `_min`, `_max`. */
function summaries(figures: Record<string, Figure>): Record<string, number> {
  return Object.fromEntries(Object.entries(figures).flatMap(([name, f]) => [[`${name}_median`, f.median], [`${name}_min`, f.min], [`${name}_max`, f.max]]));
}

function samplesOf(figures: Record<string, Figure>): Record<string, number[]> {
  return Object.fromEntries(Object.entries(figures).map(([name, f]) => [name, f.samples]));
}

/** A partial run (`--only`) updates its own keys in results.json and keeps the others. */
async function mergeResults(results: Record<string, unknown>, samples?: Record<string, number[]>) {
  const previous = JSON.parse(await readFile(RESULTS, "utf8").catch(() => "{}")) as Record<string, unknown> & { samples?: Record<string, number[]> };
  const merged = { ...previous, ...results, ...(samples ? { samples: { ...previous.samples, ...samples } } : {}) };
  await writeFile(RESULTS, `${JSON.stringify(merged, null, 2)}\n`);
  return merged;
}

async function onlyGrade() {
  const db = await exercise(DB_EXERCISE);
  const results = gradeResults(await gradeMeasures(db));
  await mergeResults(results);
  printGrade(results);
}

type BackendFigures = Record<string, { first_run_ms: number; warm_run_ms: number; first_run_js_gzip_kb: number }>;

/** First and warm run on each heavy backend family's fixture pack, then each package's gzip cost. */
async function backendMeasures(browser: Browser, url: string) {
  const backends: BackendFigures = {};
  for (const family of HEAVY_BACKENDS) {
    step(`first run on the ${family} backends (cold page)`);
    const pack = await exercise(`tests/fixtures/packages/${family}`);
    const { first, warm, js_kb } = await timeFirstRun(browser, url, pack);
    backends[family] = { first_run_ms: round(first), warm_run_ms: round(warm), first_run_js_gzip_kb: js_kb };
  }
  step("JavaScript each curated package adds to a run (cold page each)");
  const chunks = await packageChunkKb(browser, url);
  return { backends, chunks };
}

/** `--only backends`: the backends' first-run cost and the bundle sizes. */
async function onlyBackends() {
  step("building the app");
  await ensureAppBuilt();
  const server = await serveStatic(distDir);
  const browser = await launchChromium();
  let measured: Awaited<ReturnType<typeof backendMeasures>>;
  try {
    measured = await backendMeasures(browser, server.url);
  } finally {
    await browser.close();
    await server.close();
  }
  const sizes = { initial_js_gzip_kb: round(await initialJsGzipKb(distDir)), total_gzip_kb: round(await totalGzipKb(distDir)) };
  await mergeResults({ ...sizes, backends_first_run: measured.backends, package_chunk_gzip_kb: measured.chunks });
  console.log(`initial_js_gzip_kb ${sizes.initial_js_gzip_kb} (target ≤ 250), total_gzip_kb ${sizes.total_gzip_kb}`);
  printBackends(measured.backends, measured.chunks);
}

/** Start-up and warm runs in the page, then the database reset cost: the measures of DESIGN.md's targets. */
async function pageMeasures(browser: Browser, url: string, db: Exercise, logic: Exercise) {
  const figures: Record<string, Figure> = {};
  step("editor and runtime ready (cold, 5 runs)");
  const cold = await timeColdStart(browser, url, db, 5);
  figures.editor_ready_ms = figure(cold.starter);
  figures.editor_interactive_ms = figure(cold.editor);
  figures.runtime_ready_ms = figure(cold.ready);
  step("first verdict (cold, 5 runs)");
  figures.first_verdict_ms = figure(await timeFirstVerdict(browser, url, db, 5));
  step("return visit: runtime ready and first verdict (same profile, 5 reloads)");
  const returning = await timeReturnVisit(browser, url, db, 5);
  figures.return_runtime_ready_ms = figure(returning.ready);
  figures.return_first_verdict_ms = figure(returning.verdict);
  step("warm Run tests on the database exercise (10 runs)");
  const dbPage = await openWithSolution(browser, url, db);
  figures.run_db_ms = figure(await timeWarmRuns(dbPage, 10));
  await dbPage.close();
  step("warm Run tests on the pure-logic exercise (10 runs)");
  const logicPage = await openWithSolution(browser, url, logic);
  figures.run_logic_ms = figure(await timeWarmRuns(logicPage, 10));
  await logicPage.close();
  step("database reset per test (50 resets)");
  const session = await BrowserSession.open();
  figures.db_reset_ms = figure(await timeDbReset(session, db, 50));
  await session.close();
  return figures;
}

async function onlyStart() {
  const [db, logic] = await Promise.all([exercise(DB_EXERCISE), exercise(LOGIC_EXERCISE)]);
  step("building the app");
  await ensureAppBuilt();
  const server = await serveStatic(distDir);
  const browser = await launchChromium();
  let figures: Record<string, Figure>;
  try {
    figures = await pageMeasures(browser, server.url, db, logic);
  } finally {
    await browser.close();
    await server.close();
  }
  step("native npx vitest run, cold process (3 runs)");
  figures.native_vitest_ms = figure(await timeNativeVitest(db, 3));
  const results: Record<string, unknown> = { ...summaries(figures) };
  results.speedup = round(figures.native_vitest_ms.median / figures.run_db_ms.median);
  results.machine = await machineInfo();
  printTable(figures, await mergeResults(results, samplesOf(figures)));
}

/** `roadlab check` over the whole catalog, one cold CLI process per runtime, one after the other. */
function checkMeasures() {
  step("roadlab check over the catalog, --runtime node then --runtime browser (1 run each)");
  return { check_node_ms: figure([timeCheck("node")]), check_browser_ms: figure([timeCheck("browser")]) };
}

async function onlyCheck() {
  const figures = checkMeasures();
  const check_speedup = round(figures.check_node_ms.median / figures.check_browser_ms.median);
  await mergeResults({ check_speedup, ...summaries(figures) }, samplesOf(figures));
  console.log(`check --runtime node ${figures.check_node_ms.median} ms, --runtime browser ${figures.check_browser_ms.median} ms: check_speedup ${check_speedup}`);
}

async function main() {
  const [db, logic] = await Promise.all([exercise(DB_EXERCISE), exercise(LOGIC_EXERCISE)]);
  step("building the app");
  await ensureAppBuilt();
  const server = await serveStatic(distDir);
  const browser = await launchChromium();
  const figures: Record<string, Figure> = {};
  let backends: BackendFigures = {};
  let chunks: Record<string, number> = {};
  try {
    Object.assign(figures, await pageMeasures(browser, server.url, db, logic));
    ({ backends, chunks } = await backendMeasures(browser, server.url));
  } finally {
    await browser.close();
    await server.close();
  }
  const grading = gradeResults(await gradeMeasures(db));
  step("native npx vitest run, cold process (3 runs)");
  figures.native_vitest_ms = figure(await timeNativeVitest(db, 3));
  Object.assign(figures, checkMeasures());

  const results: Record<string, unknown> = { ...summaries(figures) };
  results.speedup = round(figures.native_vitest_ms.median / figures.run_db_ms.median);
  results.check_speedup = round(figures.check_node_ms.median / figures.check_browser_ms.median);
  results.initial_js_gzip_kb = round(await initialJsGzipKb(distDir));
  results.total_gzip_kb = round(await totalGzipKb(distDir));
  results.backends_first_run = backends;
  results.package_chunk_gzip_kb = chunks;
  Object.assign(results, grading);
  results.samples = samplesOf(figures);
  results.machine = await machineInfo();
  await writeFile(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
  printTable(figures, results);
  printBackends(backends, chunks);
  printGrade(grading);
}

function printBackends(backends: BackendFigures, chunks: Record<string, number>) {
  console.log("\nbackend family   first run ms   warm run ms   JS fetched by the first run (gzip KB)");
  for (const [family, b] of Object.entries(backends)) {
    console.log(`${family.padEnd(16)} ${String(b.first_run_ms).padStart(12)}   ${String(b.warm_run_ms).padStart(11)}   ${b.first_run_js_gzip_kb}`);
  }
  console.log("\npackage (entry point)                      gzip KB it adds to a run");
  for (const [name, kb] of Object.entries(chunks)) console.log(`${name.padEnd(42)} ${kb}`);
}

async function machineInfo() {
  const browser = await launchChromium();
  const chromium = browser.version();
  await browser.close();
  return { cores: os.availableParallelism(), cpu: os.cpus()[0]?.model, memory_gb: round(os.totalmem() / 2 ** 30), node: process.version, chromium, date: new Date().toISOString() };
}

const TARGETS: Record<string, string> = {
  editor_ready_ms: "≤ 800",
  runtime_ready_ms: "≤ 1200",
  first_verdict_ms: "≤ 2000",
  return_runtime_ready_ms: "≤ 500",
  return_first_verdict_ms: "≤ 800",
  run_db_ms: "≤ 100",
  db_reset_ms: "≤ 20",
};

function printTable(figures: Record<string, Figure>, results: Record<string, unknown>) {
  const rows = Object.entries(figures).map(([name, f]) => [name, String(f.median), String(f.min), String(f.max), TARGETS[name] ?? ""]);
  rows.push(["speedup (native / run_db)", String(results.speedup), "", "", "≥ 30"]);
  rows.push(["check_speedup (node / browser)", String(results.check_speedup), "", "", ""]);
  rows.push(["initial_js_gzip_kb", String(results.initial_js_gzip_kb), "", "", "≤ 250"]);
  rows.push(["total_gzip_kb", String(results.total_gzip_kb), "", "", ""]);
  const header = ["measure", "median", "min", "max", "target"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join("  ");
  console.log([line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n"));
  console.log("\nWritten to bench/results.json");
}

if (only === "grade") await onlyGrade();
else if (only === "start") await onlyStart();
else if (only === "backends") await onlyBackends();
else if (only === "check") await onlyCheck();
else if (only !== undefined) throw new Error(`--only: the filters are "grade", "start", "backends" and "check", got "${only}"`);
else await main();
