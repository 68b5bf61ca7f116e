import { errorResults, type RunEvent, type RunResults } from "../results";
import type { RunHandle, RunOutcome, RunRequest, Runtime, RuntimeStatus } from "../types";
import { withTimeLimit } from "./availability";
import type { Container, ContainerProcess } from "./container";
import { baseProject, runFiles, vitestArgs } from "./project-files";
import { fromVitestJson, type VitestJsonReport } from "./vitest-json";

export interface WebContainerOptions {
  boot: () => Promise<Container>;
  /** Offline, `boot()` never settles: give up after this long and say why. */
  bootTimeoutMs?: number;
  /** A run that prints nothing for its per-test timeout plus this long is stopped. */
  silenceGraceMs?: number;
  /** Install and test output, with ANSI colours, for the terminal. */
  onOutput?: (chunk: string) => void;
}

export interface ShellSession {
  process: ContainerProcess;
}

/** Runtime over a WebContainer: real Node, npm and Vitest in the page. One container per page. */
export interface WebContainerRuntime extends Runtime {
  /** An interactive shell (jsh) in the project folder. */
  shell(size: { cols: number; rows: number }): Promise<ShellSession>;
  /** Called when learner code starts a server, with a URL the preview pane can frame. */
  onServerReady(listener: (port: number, url: string) => void): () => void;
}

const PROJECT = "/home/project";

export function createWebContainerRuntime(options: WebContainerOptions): WebContainerRuntime {
  const { bootTimeoutMs = 20_000, silenceGraceMs = 10_000, onOutput = () => {} } = options;
  let status: RuntimeStatus = "idle";
  let ready: Promise<Container> | undefined;
  let written: string[] = [];
  let current: { cancel: () => void } | undefined;
  const listeners = new Set<(status: RuntimeStatus, detail?: string) => void>();
  const serverListeners = new Set<(port: number, url: string) => void>();

  function setStatus(next: RuntimeStatus, detail?: string) {
    status = next;
    for (const listener of listeners) listener(next, detail);
  }

  function start(): Promise<Container> {
    ready ??= (async () => {
      setStatus("booting", "Starting the WebContainer…");
      const container = await withTimeLimit(
        options.boot(),
        bootTimeoutMs,
        `the WebContainer did not start within ${bootTimeoutMs / 1000} s (StackBlitz's service is unreachable: offline or blocked)`,
      );
      container.on("server-ready", (port, url) => serverListeners.forEach((l) => l(port, url)));
      await container.mount(baseProject());
      setStatus("booting", "Installing Vitest and PGlite with npm…");
      const install = await container.spawn("npm", ["install", "--no-audit", "--no-fund"]);
      void pipe(install.output, onOutput);
      const code = await install.exit;
      if (code !== 0) throw new Error(`npm install failed with exit code ${code} (see the terminal)`);
      setStatus("ready");
      return container;
    })().catch((error: Error) => {
      setStatus("error", error.message);
      throw error;
    });
    return ready;
  }

  async function execute(request: RunRequest, onEvent: ((e: RunEvent) => void) | undefined, signal: AbortSignal): Promise<RunResults> {
    const container = await start();
    for (const file of written) await container.fs.rm(file, { force: true });
    await container.fs.rm("tests", { recursive: true, force: true });
    await container.fs.rm(".roadlab/results.json", { force: true });
    written = [];
    for (const [name, text] of Object.entries(runFiles(request))) {
      const dir = name.includes("/") ? name.slice(0, name.lastIndexOf("/")) : "";
      if (dir) await container.fs.mkdir(dir, { recursive: true });
      await container.fs.writeFile(name, text);
      written.push(name);
    }
    setStatus("running");
    const proc = await container.spawn("npx", vitestArgs(request.timeoutMs));
    let output = "";
    let silent: ReturnType<typeof setTimeout> | undefined;
    let stopped: string | undefined;
    const stop = (why: string) => {
      stopped = why;
      proc.kill();
    };
    const arm = () => {
      clearTimeout(silent);
      silent = setTimeout(() => stop(`The run printed nothing for ${(request.timeoutMs + silenceGraceMs) / 1000} s and was stopped: timed out (an infinite loop?)`), request.timeoutMs + silenceGraceMs);
    };
    const onAbort = () => stop("Cancelled");
    signal.addEventListener("abort", onAbort, { once: true });
    arm();
    const piping = pipe(proc.output, (chunk) => {
      output += chunk;
      onOutput(chunk);
      arm();
    });
    await proc.exit;
    clearTimeout(silent);
    signal.removeEventListener("abort", onAbort);
    await piping.catch(() => {});
    if (stopped) return errorResults(stopped);
    const json = await container.fs.readFile(".roadlab/results.json", "utf-8").catch(() => undefined);
    if (!json) return errorResults(`Vitest produced no results:\n${output.trim().split("\n").slice(-10).join("\n")}`);
    const results = fromVitestJson(JSON.parse(json) as VitestJsonReport, PROJECT, output);
    for (const test of results.tests) {
      onEvent?.({ type: "test-start", name: test.name });
      onEvent?.({ type: "test-end", test });
    }
    return results;
  }

  return {
    get status() {
      return status;
    },
    prepare() {
      void start().catch(() => {});
    },
    run(request, onEvent): RunHandle {
      current?.cancel();
      const controller = new AbortController();
      let settle!: (outcome: RunOutcome) => void;
      const outcome = new Promise<RunOutcome>((resolve) => (settle = resolve));
      const cancel = () => {
        controller.abort();
        settle({ cancelled: true });
      };
      const run = { cancel };
      current = run;
      execute(request, onEvent, controller.signal)
        .catch((error: Error) => errorResults(error.message))
        .then((results) => {
          if (current === run) current = undefined;
          if (status === "running") setStatus("ready");
          settle({ cancelled: false, results });
        });
      return { outcome, cancel };
    },
    async sql() {
      return { ok: false, message: "The SQL console works with the in-page runtime; in the WebContainer, use psql-free queries from your code or the shell." };
    },
    async shell(size) {
      const container = await start();
      return { process: await container.spawn("jsh", [], { terminal: size }) };
    },
    onServerReady(listener) {
      serverListeners.add(listener);
      return () => serverListeners.delete(listener);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose() {
      current?.cancel();
      listeners.clear();
      serverListeners.clear();
    },
  };
}

async function pipe(stream: ReadableStream<string>, write: (chunk: string) => void): Promise<void> {
  await stream.pipeTo(new WritableStream({ write }));
}
