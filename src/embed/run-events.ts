import type { RunLog } from "../store/run-log";
import { completion, type EmbedEvent } from "./protocol";

/**
 * Turns an exercise's run logs, as the store updates them, into protocol events: `run-started`
 * once per run, `test-result` per finished test, then `results` and `completed`. Feed it every
 * new `runs` array; it remembers what it already told the host.
 */
export function runEventsFeed(
  slug: string,
  post: (event: EmbedEvent) => void,
  history: readonly RunLog[] = [],
): (runs: readonly RunLog[] | undefined) => void {
  // Runs from before the host connected are history, not news.
  const told = new Map(history.map((run) => [run.id, { tests: 0, done: true }]));
  return (runs) => {
    for (const run of runs ?? []) {
      let state = told.get(run.id);
      if (!state) {
        state = { tests: 0, done: false };
        told.set(run.id, state);
        post({ type: "run-started" });
      }
      if (state.done) continue;
      const ended = run.events.flatMap((e) => (e.type === "test-end" ? [e.test] : []));
      for (const test of ended.slice(state.tests)) post({ type: "test-result", test });
      state.tests = ended.length;
      if (run.results) {
        state.done = true;
        post({ type: "results", results: run.results });
        post({ type: "completed", slug, ...completion(run.results) });
      } else if (run.cancelled) state.done = true;
    }
  };
}
