import type { Runtime } from "./types";

export type RuntimeKind = "local";

/** Runtimes load lazily behind one interface, so only the chosen one's code is fetched. */
export async function createRuntime(kind: RuntimeKind = "local"): Promise<Runtime> {
  switch (kind) {
    case "local":
      return (await import("./local/local-runtime")).createLocalRuntime();
  }
}

export type { Runtime, RunRequest, RunOutcome, RunHandle, RuntimeStatus } from "./types";
