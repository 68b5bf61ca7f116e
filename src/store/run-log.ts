import type { RunEvent, RunResults } from "../runtime/results";

/** One press of Run tests as the UI shows it: events as they stream in, then the results. */
export interface RunLog {
  id: number;
  slug: string;
  startedAt: number;
  events: RunEvent[];
  /** Set when the run completed; a cancelled run keeps `cancelled` instead. */
  results?: RunResults;
  cancelled?: boolean;
}
