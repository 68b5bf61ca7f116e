/**
 * Runs in a child process of the CLI, in its own process group, so a learner's synchronous infinite
 * loop can be ended by killing the group without leaving Vitest's pool workers spinning.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Alias } from "vite";
import { createVitest, type Reporter } from "vitest/node";
import { entryPoints, isPackageName } from "../../exercises/packages";
import { allowlistPlugin } from "./allowlist-plugin";
import { collectResults, testResult } from "./vitest-results";
import { progressFile, tamperingFile, type ChildMessage, type ChildRequest } from "./protocol";
import { withTampering, type Tampering } from "../results";

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

async function run(request: ChildRequest) {
  const logs = new Map<string, string>();
  const reporter: Reporter = {
    onTestModuleQueued: (m) => send({ type: "phase", phase: "collecting", file: path.relative(request.workspace, m.moduleId) }),
    onTestCaseReady: (t) => send({ type: "test-start", name: t.fullName }),
    onTestCaseResult: (t) => send({ type: "test-end", test: testResult(t, logs.get(t.id)) }),
    onUserConsoleLog: (log) => {
      if (log.taskId) logs.set(log.taskId, (logs.get(log.taskId) ?? "") + log.content);
    },
    onTestRunEnd: (modules, errors) => {
      send({ type: "done", results: withTampering(collectResults(request.workspace, modules, errors, logs), readTampering(request.workspace)) });
    },
  };
  const vitest = await createVitest(
    "test",
    {
      root: request.workspace,
      config: false,
      watch: false,
      include: ["tests/**/*.test.ts"],
      // Vitest turns .only into failures when CI is set; the in-page runtime honours .only, so must this.
      allowOnly: true,
      // Snapshots as under CI: a missing or different one fails, and no .snap file is written.
      update: "none",
      testTimeout: request.timeoutMs,
      hookTimeout: request.timeoutMs,
      setupFiles: [fileURLToPath(new URL("./vitest-setup.ts", import.meta.url)), fileURLToPath(new URL("./harden-setup.ts", import.meta.url))],
      // Skips what an earlier child of the same run judged before a test hung (resume-runner.ts).
      runner: fileURLToPath(new URL("./resume-runner.ts", import.meta.url)),
      provide: {
        roadlabSeed: request.seed,
        roadlabDataDir: request.dataDirPath ?? "",
        roadlabProgress: progressFile(request.workspace),
      },
      reporters: [reporter],
      server: { deps: { inline: inlinePackages } },
    },
    {
      resolve: { alias: packageAliases(request.allowed) },
      plugins: [allowlistPlugin(request.workspace, request.allowed)],
      cacheDir: path.join(request.workspace, ".vite"),
      logLevel: "silent",
    },
  );
  try {
    await vitest.start();
  } finally {
    await vitest.close();
  }
}

process.once("message", (request: ChildRequest) => {
  run(request)
    .catch((error: Error) => send({ type: "done", results: { version: 2, status: "error", message: error.message, tests: [] } }))
    .finally(() => process.disconnect?.());
});
