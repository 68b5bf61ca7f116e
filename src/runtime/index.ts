import type { Runtime } from "./types";
import type { WebContainerRuntime } from "./webcontainer/webcontainer-runtime";

export type RuntimeKind = "local" | "webcontainer";

/** The WebContainer runtime (with the in-page one behind it) and what only it offers the UI. */
export interface ContainerRuntime extends Runtime {
  preferred: WebContainerRuntime;
  /** npm and Vitest output as it comes, starting with what was printed before subscribing. */
  onOutput(listener: (chunk: string) => void): () => void;
}

export function isContainerRuntime(runtime: Runtime): runtime is ContainerRuntime {
  return "preferred" in runtime && "onOutput" in runtime;
}

/** Output kept for a terminal that opens after npm install began: enough for its last screens. */
const REPLAY_CHARS = 64_000;

/**
 * Runtimes load lazily behind one interface, so only the chosen one's code is fetched: the
 * WebContainer code (and @webcontainer/api) is never in the default bundle.
 */
export async function createRuntime(kind: RuntimeKind = "local"): Promise<Runtime> {
  const { createLocalRuntime } = await import("./local/local-runtime");
  switch (kind) {
    case "local":
      return createLocalRuntime();
    case "webcontainer": {
      const { createBrowserWebContainerRuntime, containerOutput } = await import("./webcontainer");
      let replay = "";
      containerOutput.addEventListener("output", (event) => {
        replay = (replay + (event as CustomEvent<string>).detail).slice(-REPLAY_CHARS);
      });
      const onOutput = (listener: (chunk: string) => void) => {
        if (replay) listener(replay);
        const forward = (event: Event) => listener((event as CustomEvent<string>).detail);
        containerOutput.addEventListener("output", forward);
        return () => containerOutput.removeEventListener("output", forward);
      };
      // Object.assign keeps withFallback's `status` getter, which a spread would freeze.
      return Object.assign(createBrowserWebContainerRuntime(createLocalRuntime()), { onOutput });
    }
  }
}

export type { Runtime, RunRequest, RunOutcome, RunHandle, RuntimeStatus, SqlOutcome } from "./types";
export type { ShellSession } from "./webcontainer/webcontainer-runtime";
