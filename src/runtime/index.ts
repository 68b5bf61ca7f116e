import type { Runtime } from "./types";

export type RuntimeKind = "local" | "webcontainer";

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
      const { createBrowserWebContainerRuntime } = await import("./webcontainer");
      return createBrowserWebContainerRuntime(createLocalRuntime());
    }
  }
}

export type { Runtime, RunRequest, RunOutcome, RunHandle, RuntimeStatus, SqlOutcome } from "./types";
