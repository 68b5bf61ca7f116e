/**
 * Runs in a child process of the CLI, in its own process group, so a learner's synchronous infinite
 * loop can be ended by killing the group without leaving Vitest's pool workers spinning.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Alias } from "vite";
import type { TestProjectInlineConfiguration } from "vitest/config";
import { createVitest, type Reporter, type TestModule } from "vitest/node";
import { entryPoints, isPackageName } from "../../exercises/packages";
import { allowlistPlugin } from "./allowlist-plugin";
import { collectResults, testResult, type ErrorLike } from "./vitest-results";
import { progressFile, tamperingFile, type ChildMessage, type ChildRequest, type VariantRequest } from "./protocol";
import { errorResults, withTampering, type RunEvent, type RunResults, type Tampering } from "../results";

const harness = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../harness");

/**
 * The workspace lives in a temp folder, where Node would not find the repo's node_modules: point
 * each entry point of a curated package (packages.ts: its root and listed subpaths) at the copy
 * installed here. Exact matches: a bare "hono" alias would also rewrite "hono/cors" to a bad path.
 * `vitest` itself Vitest resolves on its own.
 */
function packageAliases(allowed: readonly string[]): Alias[] {
  const aliases: Record<string, string> = {};
  for (const name of allowed) {
    if (name === "vitest") continue;
    // `@roadlab/x` is the harness helper in src/harness/x.ts.
    if (name.startsWith("@roadlab/")) {
      aliases[name] = path.join(harness, `${name.slice("@roadlab/".length)}.ts`);
      continue;
    }
    if (!isPackageName(name)) continue;
    for (const entry of entryPoints(name)) aliases[entry] = fileURLToPath(import.meta.resolve(entry));
  }
  const exact = (specifier: string) => new RegExp(`^${specifier.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}$`);
  return Object.entries(aliases).map(([find, replacement]) => ({ find: exact(find), replacement }));
}

/** Packages Node cannot load as they ship (JSON imported without `with { type: "json" }`): Vite transforms them. */
const inlinePackages = ["@actions/workflow-parser"];

function readTampering(workspace: string): Tampering[] {
  if (!existsSync(tamperingFile(workspace))) return [];
  const lines = readFileSync(tamperingFile(workspace), "utf8").split("\n").filter(Boolean);
  return lines.flatMap((line) => {
    try {
      return [JSON.parse(line) as Tampering];
    } catch {
      return [];
    }
  });
}

function send(message: ChildMessage) {
  process.send?.(message);
}

/** Each variant is a Vitest project rooted at its own workspace, with its own limits, seed and allowlist. */
function project(variant: VariantRequest): TestProjectInlineConfiguration {
  return {
    root: variant.workspace,
    cacheDir: path.join(variant.workspace, ".vite"),
    logLevel: "silent",
    resolve: { alias: packageAliases(variant.allowed) },
    plugins: [allowlistPlugin(variant.workspace, variant.allowed)],
    test: {
      name: variant.id,
      include: ["tests/**/*.test.ts"],
      testTimeout: variant.timeoutMs,
      hookTimeout: variant.timeoutMs,
      setupFiles: [fileURLToPath(new URL("./vitest-setup.ts", import.meta.url)), fileURLToPath(new URL("./harden-setup.ts", import.meta.url))],
      // Skips what an earlier child of the same run judged before a test hung (resume-runner.ts).
      runner: fileURLToPath(new URL("./resume-runner.ts", import.meta.url)),
      provide: {
        roadlabSeed: variant.seed,
        roadlabDataDir: variant.dataDirPath ?? "",
        roadlabProgress: progressFile(variant.workspace),
      },
      server: { deps: { inline: inlinePackages } },
    },
  };
}

/** An unhandled error belongs to the variant whose test file threw it; one from nowhere, to all. */
function belongsTo(error: ErrorLike, variant: VariantRequest): boolean {
  const file = (error as { VITEST_TEST_PATH?: string }).VITEST_TEST_PATH;
  return !file || file.startsWith(variant.workspace + path.sep);
}

function variantResults(variant: VariantRequest, modules: readonly TestModule[], errors: readonly ErrorLike[], logs: Map<string, string>): RunResults {
  const own = modules.filter((m) => m.project.name === variant.id);
  const results = collectResults(variant.workspace, own, errors.filter((e) => belongsTo(e, variant)), logs);
  return withTampering(results, readTampering(variant.workspace));
}

async function run(request: ChildRequest) {
  const variants = new Map(request.variants.map((v) => [v.id, v]));
  const logs = new Map<string, string>();
  const filesLeft = new Map<string, number>();
  const ended: TestModule[] = [];
  const relative = (m: TestModule) => path.relative(m.project.config.root, m.moduleId);
  const event = (variant: string, e: RunEvent) => send({ type: "event", variant, event: e });
  const reporter: Reporter = {
    onTestRunStart: (specifications) => {
      for (const s of specifications) filesLeft.set(s.project.name, (filesLeft.get(s.project.name) ?? 0) + 1);
    },
    onTestModuleQueued: (m) => send({ type: "phase", phase: "collecting", variant: m.project.name, file: relative(m) }),
    onTestCaseReady: (t) => event(t.project.name, { type: "test-start", name: t.fullName }),
    onTestCaseResult: (t) => event(t.project.name, { type: "test-end", test: testResult(t, logs.get(t.id)) }),
    onUserConsoleLog: (log) => {
      if (log.taskId) logs.set(log.taskId, (logs.get(log.taskId) ?? "") + log.content);
    },
    onTestModuleEnd: (m) => {
      const id = m.project.name;
      send({ type: "file-end", variant: id, file: relative(m) });
      ended.push(m);
      const left = (filesLeft.get(id) ?? 1) - 1;
      filesLeft.set(id, left);
      const variant = variants.get(id);
      if (left === 0 && variant) send({ type: "variant-done", variant: id, results: variantResults(variant, ended, [], logs) });
    },
    onTestRunEnd: (modules, errors) => {
      const results: Record<string, RunResults> = {};
      for (const variant of request.variants) results[variant.id] = variantResults(variant, modules, errors, logs);
      send({ type: "done", results });
    },
  };
  const vitest = await createVitest(
    "test",
    {
      root: request.root,
      config: false,
      watch: false,
      // Vitest turns .only into failures when CI is set; the in-page runtime honours .only, so must this.
      allowOnly: true,
      // Snapshots as under CI: a missing or different one fails, and no .snap file is written.
      update: "none",
      reporters: [reporter],
      projects: request.variants.map(project),
    },
    { cacheDir: path.join(request.root, ".vite"), logLevel: "silent" },
  );
  try {
    await vitest.start();
  } finally {
    await vitest.close();
  }
}

process.once("message", (request: ChildRequest) => {
  run(request)
    .catch((error: Error) => send({ type: "done", results: Object.fromEntries(request.variants.map((v) => [v.id, errorResults(error.message)])) }))
    .finally(() => process.disconnect?.());
});
