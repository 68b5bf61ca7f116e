import { describe, expect, it } from "vitest";
import { Registry } from "../registry";

const codeOf = (fn: () => unknown) => {
  try { fn(); } catch (e) { return (e as { code?: string }).code; }
  return "no error";
};

describe("the exposition text", () => {
  it("writes HELP and TYPE, labels in declared order, series sorted, families by name, an unlabelled metric at 0", () => {
    const r = new Registry();
    const req = r.counter({ name: "http_requests_total", help: "Requests.", labelNames: ["route", "status"] });
    const g = r.gauge({ name: "app_temperature", help: "Degrees." });
    r.gauge({ name: "queue_depth", help: "Waiting.", labelNames: ["queue"] });
    r.counter({ name: "jobs_total", help: "Jobs." });
    req.inc({ status: "500", route: "/b" });
    req.inc({ route: "/a", status: "200" }, 2);
    req.inc({ route: "/a", status: "200" });
    req.inc({ route: "/a", status: "404" }, 0.5);
    g.set({}, 4);
    g.inc();
    g.dec({}, 2.5);
    expect(r.metrics()).toBe(
      "# HELP app_temperature Degrees.\n# TYPE app_temperature gauge\napp_temperature 2.5\n" +
      "# HELP http_requests_total Requests.\n# TYPE http_requests_total counter\n" +
      'http_requests_total{route="/a",status="200"} 3\n' +
      'http_requests_total{route="/a",status="404"} 0.5\n' +
      'http_requests_total{route="/b",status="500"} 1\n' +
      "# HELP jobs_total Jobs.\n# TYPE jobs_total counter\njobs_total 0\n" +
      "# HELP queue_depth Waiting.\n# TYPE queue_depth gauge\n",
    );
  });

  it("writes a histogram as cumulative buckets (le inclusive, le last) ending in +Inf, then _sum and _count", () => {
    const r = new Registry();
    const h = r.histogram({ name: "job_seconds", help: "Job time.", labelNames: ["queue"], buckets: [0.1, 0.5, 2] });
    for (const v of [0.05, 0.1, 0.3, 0.5, 7]) h.observe({ queue: "mail" }, v);
    expect(r.metrics()).toBe(
      "# HELP job_seconds Job time.\n# TYPE job_seconds histogram\n" +
      'job_seconds_bucket{queue="mail",le="0.1"} 2\n' +
      'job_seconds_bucket{queue="mail",le="0.5"} 4\n' +
      'job_seconds_bucket{queue="mail",le="2"} 4\n' +
      'job_seconds_bucket{queue="mail",le="+Inf"} 5\n' +
      'job_seconds_sum{queue="mail"} 7.95\n' +
      'job_seconds_count{queue="mail"} 5\n',
    );
  });

  it("escapes backslash, double quote and newline in label values, and backslash and newline in HELP", () => {
    const r = new Registry();
    const c = r.counter({ name: "files_total", help: 'Files in C:\\tmp\nper "path".', labelNames: ["path"] });
    c.inc({ path: 'C:\\dir\\"x"\nend' });
    expect(r.metrics()).toBe(
      '# HELP files_total Files in C:\\\\tmp\\nper "path".\n# TYPE files_total counter\n' +
      'files_total{path="C:\\\\dir\\\\\\"x\\"\\nend"} 1\n',
    );
  });
});

describe("what the registry refuses", () => {
  it("rejects bad names, duplicates, bad buckets, a label set unlike the declared one, a counter going down", () => {
    const r = new Registry();
    expect(codeOf(() => r.counter({ name: "2xx_total", help: "" }))).toBe("BAD_METRIC_NAME");
    expect(codeOf(() => r.counter({ name: "http-requests", help: "" }))).toBe("BAD_METRIC_NAME");
    expect(codeOf(() => r.counter({ name: "a_total", help: "", labelNames: ["bad-name"] }))).toBe("BAD_LABEL_NAME");
    expect(codeOf(() => r.counter({ name: "b_total", help: "", labelNames: ["__name"] }))).toBe("BAD_LABEL_NAME");
    expect(codeOf(() => r.histogram({ name: "c_seconds", help: "", labelNames: ["le"], buckets: [1] }))).toBe("BAD_LABEL_NAME");
    expect(codeOf(() => r.histogram({ name: "d_seconds", help: "", buckets: [1, 1, 2] }))).toBe("BAD_BUCKETS");
    expect(codeOf(() => r.histogram({ name: "e_seconds", help: "", buckets: [2, 1] }))).toBe("BAD_BUCKETS");
    expect(codeOf(() => r.histogram({ name: "f_seconds", help: "", buckets: [] }))).toBe("BAD_BUCKETS");
    expect(codeOf(() => r.histogram({ name: "g_seconds", help: "", buckets: [1, Infinity] }))).toBe("BAD_BUCKETS");
    expect(codeOf(() => r.counter({ name: "h_total", help: "", labelNames: ["route", "route"] }))).toBe("BAD_LABEL_NAME");
    r.gauge({ name: "namespace:ok_metric", help: "" });
    expect(codeOf(() => r.counter({ name: "namespace:ok_metric", help: "" }))).toBe("DUPLICATE_METRIC");
    const c = r.counter({ name: "http_requests_total", help: "", labelNames: ["method", "status"] });
    const h = r.histogram({ name: "t_seconds", help: "", labelNames: ["route"], buckets: [1] });
    expect(codeOf(() => c.inc({ method: "GET" }))).toBe("LABELS_MISMATCH");
    expect(codeOf(() => c.inc({ method: "GET", status: "200", path: "/x" }))).toBe("LABELS_MISMATCH");
    expect(codeOf(() => c.inc({ method: "GET", code: "200" }))).toBe("LABELS_MISMATCH");
    expect(codeOf(() => h.observe({}, 1))).toBe("LABELS_MISMATCH");
    expect(codeOf(() => c.inc({ method: "GET", status: "200" }, -1))).toBe("NEGATIVE_INCREMENT");
    expect(r.metrics()).not.toMatch(/^http_requests_total\{/m);
  });
});
