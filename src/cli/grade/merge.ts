import { readFile } from "node:fs/promises";
import { UsageError } from "../options";
import type { GradeReport } from "./report-types";

/**
 * `roadlab grade --merge <report.json>…`: the shards' `--json` reports as one, graded and errors
 * each in path order, so a CI matrix ends in one report (and one --junit/--html if asked).
 */
export async function mergeReports(files: string[]): Promise<GradeReport> {
  const reports: GradeReport[] = [];
  for (const file of files) {
    const text = await readFile(file, "utf8").catch(() => {
      throw new UsageError(`--merge: cannot read ${file}`);
    });
    let report: GradeReport;
    try {
      report = JSON.parse(text) as GradeReport;
    } catch {
      throw new UsageError(`--merge: ${file} is not valid JSON (expected the output of roadlab grade --json)`);
    }
    if (!report?.exercise?.slug || !Array.isArray(report.graded) || !Array.isArray(report.errors)) {
      throw new UsageError(`--merge: ${file} is not a roadlab grade --json report (expected { exercise, graded, errors })`);
    }
    if (reports.length && report.exercise.slug !== reports[0].exercise.slug) {
      throw new UsageError(`--merge: ${file} grades ${report.exercise.slug}, but ${files[0]} grades ${reports[0].exercise.slug}`);
    }
    reports.push(report);
  }
  const byFile = <T extends { file: string }>(a: T, b: T) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0);
  return {
    exercise: reports[0].exercise,
    graded: reports.flatMap((r) => r.graded).sort(byFile),
    errors: reports.flatMap((r) => r.errors).sort(byFile),
  };
}
