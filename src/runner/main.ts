/**
 * The page `roadlab --runtime browser` drives: the same runtime the workspace uses, with no UI.
 * Playwright calls `window.roadlab.run(request)`; events reach `window.roadlabEvent` if exposed.
 */
import { createRuntime, type RunRequest } from "../runtime";
import type { RunEvent, RunResults } from "../runtime/results";

declare global {
  interface Window {
    /** `withEvents`: stream each event to `roadlabEvent` (a round trip to Playwright per event, so only when someone listens). */
    roadlab: { run(request: RunRequest, withEvents?: boolean): Promise<RunResults> };
    roadlabEvent?: (event: RunEvent) => void;
  }
}

const runtime = await createRuntime("local");

window.roadlab = {
  async run(request, withEvents = true) {
    const { outcome } = runtime.run(request, withEvents ? (event) => window.roadlabEvent?.(event) : undefined);
    const result = await outcome;
    return result.cancelled ? { version: 2, status: "error", message: "Cancelled", tests: [] } : result.results;
  },
};
document.body.dataset.ready = "true";
