import { XMLBuilder } from "fast-xml-parser";
import { stripAnsi } from "../../runtime/results";
import type { GradeReport } from "./report-types";

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: "@", format: true, suppressEmptyNode: true });

/** JUnit XML: one testsuite per candidate, one testcase per hidden test, flags as properties. */
export function junitReport(report: GradeReport): string {
  const suites = report.graded.map((g) => {
    const count = (status: string) => g.tests.filter((t) => t.status === status).length;
    return {
      "@name": g.candidate,
      "@tests": g.tests.length,
      "@failures": count("fail"),
      "@errors": count("error"),
      "@skipped": count("skip") + count("todo"),
      "@time": (g.facts.usedMs / 1000).toFixed(3),
      properties: {
        property: [
          { "@name": "file", "@value": g.file },
          { "@name": "score", "@value": g.score },
          ...g.flags.map((flag) => ({ "@name": "flag", "@value": flag })),
        ],
      },
      testcase: g.tests.map((t) => ({
        "@classname": `${g.candidate}.${t.file}${t.withheld ? " (withheld)" : ""}`,
        "@name": t.name,
        ...(t.status === "fail" ? { failure: { "@message": firstLine(t.message), "#text": t.message ?? "" } } : {}),
        ...(t.status === "error" ? { error: { "@message": firstLine(t.message), "#text": t.message ?? "" } } : {}),
        ...(t.status === "skip" || t.status === "todo" ? { skipped: { "@message": t.status } } : {}),
      })),
    };
  });
  const errors = report.errors.map((e) => ({
    "@name": e.file, "@tests": 1, "@failures": 0, "@errors": 1,
    testcase: { "@classname": e.file, "@name": "read the submission", error: { "@message": e.message } },
  }));
  const document = { "?xml": { "@version": "1.0", "@encoding": "UTF-8" }, testsuites: { "@name": `roadlab grade ${report.exercise.slug}`, testsuite: [...suites, ...errors] } };
  return clean(builder.build(document) as string);
}

function firstLine(text: string | undefined): string {
  return (text ?? "").split("\n")[0];
}

/** XML 1.0 cannot hold most control characters (test messages carry ANSI colours). */
function clean(text: string): string {
  // eslint-disable-next-line no-control-regex
  return stripAnsi(text).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "?");
}
