import type { RunResults } from "../../runtime/results";

/** The share of tests passed, 0–100, as the embed protocol's `completed` score; skipped and todo tests do not count. */
export function scoreOf(results: RunResults): number {
  const counted = results.tests.filter((t) => t.status !== "skip" && t.status !== "todo");
  if (results.tampering?.length || counted.length === 0) return 0;
  return (100 * counted.filter((t) => t.status === "pass").length) / counted.length;
}
