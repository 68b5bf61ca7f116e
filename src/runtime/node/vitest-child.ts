/**
 * Runs in a child process of the CLI, in its own process group, so a learner's synchronous infinite
 * loop can be ended by killing the group without leaving Vitest's pool workers spinning.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createVitest, type Reporter } from "vitest/node";
import { allowlistPlugin } from "./allowlist-plugin";
import { collectResults, testResult } from "./vitest-results";
import { progressFile, tamperingFile, type ChildMessage, type ChildRequest } from "./protocol";
import { withTampering, type Tampering } from "../results";

const harness = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../harness");

/**
 * The workspace lives in a temp folder, where Node would not find the repo's node_modules: point
 * each curated package at the copy installed here. `vitest` itself Vitest resolves on its own.
 */
function packageAliases(allowed: readonly string[]): Record<string, string> {
  const aliases: Record<string, string> = { "@roadlab/db": path.join(harness, "db.ts") };
  for (const name of allowed) {
    if (name === "vitest" || name in aliases) continue;
    aliases[name] = fileURLToPath(import.meta.resolve(name));
  }
  return aliases;
}

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
      testTimeout: request.timeoutMs,
      hookTimeout: request.timeoutMs,
      setupFiles: [fileURLToPath(new URL("./vitest-setup.ts", import.meta.url)), fileURLToPath(new URL("./harden-setup.ts", import.meta.url))],
      provide: {
        roadlabSeed: request.seed,
        roadlabDataDir: request.dataDirPath ?? "",
        roadlabProgress: progressFile(request.workspace),
      },
      reporters: [reporter],
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
