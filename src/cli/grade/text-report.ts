import pc from "picocolors";
import { stripAnsi } from "../../runtime/results";
import type { CandidateFacts, GradeReport } from "./report-types";

const MARK = { pass: pc.green("✓"), fail: pc.red("✗"), error: pc.red("!"), skip: pc.yellow("↓"), todo: pc.cyan("…") };

export function duration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)}m ${String(seconds % 60).padStart(2, "0")}s`;
}

export function timeUsed(facts: CandidateFacts): string {
  return facts.minutes === null ? duration(facts.usedMs) : `${duration(facts.usedMs)} of ${facts.minutes}m`;
}

export function pasteSummary(facts: CandidateFacts): string {
  return facts.pastes === 0 ? "0" : `${facts.pastes} (${facts.pastedChars} chars, largest ${facts.largestPaste})`;
}

/** Candidate text (test messages from their code's run) must not drive the terminal. */
function plain(text: string): string {
  // eslint-disable-next-line no-control-regex
  return stripAnsi(text).replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "?");
}

/** Each candidate's verdicts, then one table of everyone. */
export function formatReport(report: GradeReport): string {
  const out: string[] = [];
  for (const g of report.graded) {
    out.push(`${pc.bold(g.candidate)} ${pc.dim(g.file)}: ${g.score}/100 (${g.passed} of ${g.total} tests)`);
    for (const t of g.tests) {
      const message = t.message && t.status !== "pass" ? pc.dim(` — ${plain(t.message.split("\n")[0])}`) : "";
      out.push(`  ${MARK[t.status]} ${plain(t.name)}${t.withheld ? pc.dim(" (withheld)") : ""}${message}`);
    }
    if (g.runError) out.push(pc.red(`  error: ${plain(g.runError.split("\n")[0])}`));
    for (const flag of g.flags) out.push(pc.yellow(`  ⚑ ${flag}`));
    out.push("");
  }
  const header = ["candidate", "score", "tests", "time used", "pastes", "focus losses", "runs", "flags"];
  const rows = report.graded.map((g) => [
    g.candidate, String(g.score), `${g.passed}/${g.total}`, timeUsed(g.facts), pasteSummary(g.facts),
    String(g.facts.focusLosses), String(g.facts.runs), g.flags.length ? g.flags.join("; ") : "—",
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join("  ").trimEnd();
  out.push(`${report.exercise.title} (${report.exercise.slug}): ${report.graded.length} graded, ${report.errors.length} could not be graded${report.errors.length ? " (named on stderr)" : ""}`);
  if (rows.length) out.push(line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map((r) => line(r.map(plain))));
  return `${out.join("\n")}\n`;
}
