import type { RunLog } from "../../store/run-log";
import { formatCancelled, formatEvent, formatRunHeader, formatSummary } from "./run-format";

interface Written {
  number: number;
  events: number;
  ended: boolean;
}

/**
 * Turns a growing list of runs into terminal text, remembering what was already written so each
 * render appends only what is new. The list arrives as new objects on every event (the store is
 * immutable), so progress is tracked by run id, never by object identity.
 */
export class RunWriter {
  #written = new Map<number, Written>();
  #lastNumber = 0;

  /** `reset` asks for a cleared terminal: the list is not the one written so far (another exercise). */
  next(runs: readonly RunLog[]): { reset: boolean; text: string } {
    const reset = this.#written.size > 0 && !runs.some((run) => this.#written.has(run.id));
    if (reset) {
      this.#written.clear();
      this.#lastNumber = 0;
    }
    let text = "";
    for (const run of runs) {
      let written = this.#written.get(run.id);
      if (!written) {
        written = { number: ++this.#lastNumber, events: 0, ended: false };
        this.#written.set(run.id, written);
        text += (written.number > 1 ? "\n" : "") + formatRunHeader(run, written.number);
      }
      if (written.ended) continue;
      for (const event of run.events.slice(written.events)) {
        text += formatEvent(event);
        if (event.type === "done") written.ended = true;
      }
      written.events = run.events.length;
      if (!written.ended && run.results) {
        text += formatSummary(run.results);
        written.ended = true;
      } else if (!written.ended && run.cancelled) {
        text += formatCancelled();
        written.ended = true;
      }
    }
    return { reset, text };
  }
}
