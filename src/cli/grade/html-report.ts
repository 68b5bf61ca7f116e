import { escape } from "html-escaper";
import type { Graded, GradeReport } from "./report-types";
import { pasteSummary, timeUsed } from "./text-report";

/**
 * One self-contained page: inline CSS, no script, nothing fetched. Everything that comes from a
 * submission (file names, test messages, flags) is escaped: a candidate's code is not trusted.
 */
export function htmlReport(report: GradeReport): string {
  const e = (value: unknown) => escape(String(value));
  const title = `Grades: ${report.exercise.title}`;
  const rows = report.graded.map((g) => `<tr><th scope="row"><a href="#c-${e(anchor(g))}">${e(g.candidate)}</a></th><td>${g.score}</td><td>${g.passed}/${g.total}</td><td>${e(timeUsed(g.facts))}</td><td>${e(pasteSummary(g.facts))}</td><td>${g.facts.focusLosses}</td><td>${g.facts.runs}</td><td>${g.flags.map((f) => `<span class="flag">${e(f)}</span>`).join(" ") || "—"}</td></tr>`);
  const details = report.graded.map((g) => `<section id="c-${e(anchor(g))}"><h2>${e(g.candidate)} — ${g.score}/100</h2><p class="file">${e(g.file)}</p>${g.flags.length ? `<ul class="flags">${g.flags.map((f) => `<li>${e(f)}</li>`).join("")}</ul>` : ""}${g.runError ? `<pre class="error">${e(g.runError)}</pre>` : ""}<table><thead><tr><th scope="col">Test</th><th scope="col">File</th><th scope="col">Verdict</th></tr></thead><tbody>${g.tests.map((t) => `<tr class="${e(t.status)}"><td>${e(t.name)}${t.message && t.status !== "pass" ? `<pre>${e(t.message)}</pre>` : ""}</td><td>${e(t.file)}${t.withheld ? " <em>(withheld)</em>" : ""}</td><td>${e(t.status)}</td></tr>`).join("")}</tbody></table></section>`);
  const errors = report.errors.length ? `<h2>Could not be graded</h2><ul>${report.errors.map((x) => `<li><code>${e(x.file)}</code>: ${e(x.message)}</li>`).join("")}</ul>` : "";
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${e(title)}</title>
<style>${CSS}</style></head><body><main>
<h1>${e(title)}</h1><p>Exercise <code>${e(report.exercise.slug)}</code>: ${report.graded.length} graded, ${report.errors.length} could not be graded. Scores are the share of hidden tests passed, withheld tests included.</p>
<table><thead><tr><th scope="col">Candidate</th><th scope="col">Score</th><th scope="col">Tests</th><th scope="col">Time used</th><th scope="col">Pastes</th><th scope="col">Focus losses</th><th scope="col">Runs</th><th scope="col">Flags</th></tr></thead><tbody>${rows.join("")}</tbody></table>
${errors}${details.join("\n")}
</main></body></html>
`;
}

function anchor(g: Graded): string {
  return g.file.replace(/[^A-Za-z0-9_-]/g, "_");
}

const CSS = `body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#1b1f24;background:#fff}main{max-width:70rem;margin:0 auto;padding:1.5rem}
table{border-collapse:collapse;width:100%;margin:1rem 0}th,td{border-bottom:1px solid #d0d7de;padding:.35rem .5rem;text-align:left;vertical-align:top}
pre{white-space:pre-wrap;margin:.25rem 0;font-size:13px;color:#6e2a00}.flag,.flags li{color:#8a4b00}.flag{display:inline-block;margin-right:.5rem}
tr.fail td:last-child,tr.error td:last-child{color:#b3261e;font-weight:600}tr.pass td:last-child{color:#1a7f37}.file{color:#57606a}`;
