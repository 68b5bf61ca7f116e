/**
 * The page `roadlab --runtime browser` drives: the same runtime the workspace uses, with no UI.
 * Playwright calls `window.roadlab.run(request)`; events reach `window.roadlabEvent` if exposed.
 */
import { createRuntime, type RunRequest } from "../runtime";
import type { RunEvent, RunResults } from "../runtime/results";

declare global {
  interface Window {
    roadlab: { run(request: RunRequest): Promise<RunResults> };
    roadlabEvent?: (event: RunEvent) => void;
  }
}

const runtime = await createRuntime("local");

window.roadlab = {
  async run(request) {
    const { outcome } = runtime.run(request, (event) => window.roadlabEvent?.(event));
    const result = await outcome;
    return result.cancelled ? { version: 2, status: "error", message: "Cancelled", tests: [] } : result.results;
  },
};
document.body.dataset.ready = "true";
