import { describe, expect, it } from "vitest";
import {
  burnRateAlert, cacheHitRatio, consumerLag, errorRatio, histogramQuantile, latencyQuantile, parseExposition, poolUsage, throughput,
} from "../dashboard";

const requests = (rows: [string, string, number][]) =>
  "# HELP http_requests_total Requests.\n# TYPE http_requests_total counter\n" +
  rows.map(([route, status, n]) => `http_requests_total{method="GET",route="${route}",status="${status}"} ${n}\n`).join("");

const durations = (route: string, counts: number[]) =>
  ["0.1", "0.2", "0.4", "0.8", "+Inf"].map((le, i) => `http_request_duration_seconds_bucket{method="GET",route="${route}",le="${le}"} ${counts[i]}\n`).join("");

describe("reading a scrape", () => {
  it("parses samples back, unescaping label values and reading +Inf, NaN and a timestamp", () => {
    const text =
      "# HELP files_total Files.\n# TYPE files_total counter\n" +
      'files_total{path="C:\\\\dir\\\\\\"x\\"\\nend",kind="log"} 3\n' +
      "up 1 1700000000000\n\n" +
      'h_bucket{le="+Inf"} 4\ntemperature -Inf\nratio NaN\n';
    const samples = parseExposition(text);
    expect(samples.slice(0, 3)).toEqual([
      { name: "files_total", labels: { path: 'C:\\dir\\"x"\nend', kind: "log" }, value: 3 },
      { name: "up", labels: {}, value: 1 },
      { name: "h_bucket", labels: { le: "+Inf" }, value: 4 },
    ]);
    expect(samples[3].value).toBe(-Infinity);
    expect(samples[4].value).toBeNaN();
    expect(samples).toHaveLength(5);
  });
});

describe("dashboard panels over two scrapes", () => {
  it("throughput is the per-second increase of the counters, a reset counting from zero", () => {
    const prev = parseExposition(requests([["/a", "200", 100], ["/b", "200", 50], ["/c", "200", 40]]));
    // /b restarted (its counter fell), /d appeared only now, so rate() has one sample of it and skips it.
    const curr = parseExposition(requests([["/a", "200", 160], ["/b", "200", 30], ["/c", "200", 40], ["/d", "200", 900]]));
    expect(throughput(prev, curr, 30)).toBeCloseTo((60 + 30 + 0) / 30, 9);
  });

  it("error ratio is the share of 5xx among all requests in the interval, NaN without traffic", () => {
    const prev = parseExposition(requests([["/a", "200", 1000], ["/a", "404", 10], ["/a", "500", 5], ["/a", "503", 0]]));
    const curr = parseExposition(requests([["/a", "200", 1180], ["/a", "404", 20], ["/a", "500", 9], ["/a", "503", 6]]));
    expect(errorRatio(prev, curr)).toBeCloseTo(10 / 200, 9);
    expect(errorRatio(curr, curr)).toBeNaN();
  });

  it("histogram_quantile interpolates linearly inside the bucket and keeps Prometheus's edge rules", () => {
    const b = [{ le: 0.1, count: 20 }, { le: 0.2, count: 60 }, { le: 0.4, count: 90 }, { le: 0.8, count: 100 }, { le: Infinity, count: 100 }];
    expect(histogramQuantile(0.5, b)).toBeCloseTo(0.175, 9); // rank 50: 30 of the 40 in (0.1, 0.2]
    expect(histogramQuantile(0.95, b)).toBeCloseTo(0.6, 9); // rank 95: 5 of the 10 in (0.4, 0.8]
    expect(histogramQuantile(0.1, b)).toBeCloseTo(0.05, 9); // rank 10: half of (0, 0.1]
    expect(histogramQuantile(0.5, [...b].reverse())).toBeCloseTo(0.175, 9);
    // Prometheus's edges: rank in the +Inf bucket, empty, no +Inf bucket, q outside [0, 1].
    const tail = [{ le: 0.1, count: 2 }, { le: 0.5, count: 5 }, { le: Infinity, count: 100 }];
    expect(histogramQuantile(0.95, tail)).toBe(0.5);
    expect(histogramQuantile(0.5, [{ le: 0.1, count: 0 }, { le: Infinity, count: 0 }])).toBeNaN();
    expect(histogramQuantile(0.5, [{ le: 0.1, count: 3 }, { le: 0.5, count: 5 }])).toBeNaN();
    expect(histogramQuantile(0.5, [{ le: Infinity, count: 5 }])).toBeNaN();
    expect(histogramQuantile(1.5, tail)).toBe(Infinity);
    expect(histogramQuantile(-0.5, tail)).toBe(-Infinity);
  });

  it("p95 latency sums the bucket increases across routes, or takes one route", () => {
    const head = "# TYPE http_request_duration_seconds histogram\n";
    const prev = parseExposition(head + durations("/a", [10, 10, 10, 10, 10]) + durations("/b", [0, 0, 0, 0, 0]));
    const curr = parseExposition(head + durations("/a", [30, 70, 100, 110, 110]) + durations("/b", [0, 0, 0, 0, 100]));
    // Both routes: 200 new observations, rank 190 falls in +Inf → the last finite bound.
    expect(latencyQuantile(0.95, prev, curr)).toBe(0.8);
    // /a alone: 100 new, rank 95 is 5 of the 10 in (0.4, 0.8].
    expect(latencyQuantile(0.95, prev, curr, "/a")).toBeCloseTo(0.6, 9);
    expect(latencyQuantile(0.95, curr, curr, "/a")).toBeNaN();
  });

  it("reads cache hit ratio over the interval and saturation from the latest scrape", () => {
    const at = (hits: number, misses: number, inUse: number, lag: [number, number]) =>
      parseExposition(
        `cache_hits_total ${hits}\ncache_misses_total ${misses}\n` +
        `db_pool_connections_in_use ${inUse}\ndb_pool_connections_max 20\n` +
        `consumer_lag_messages{topic="orders",partition="0"} ${lag[0]}\nconsumer_lag_messages{topic="orders",partition="1"} ${lag[1]}\n`,
      );
    const prev = at(900, 100, 4, [0, 0]);
    const curr = at(1200, 200, 15, [30, 12]);
    expect(cacheHitRatio(prev, curr)).toBeCloseTo(0.75, 9);
    expect(cacheHitRatio(curr, curr)).toBeNaN();
    expect(poolUsage(curr)).toBeCloseTo(0.75, 9);
    expect(consumerLag(curr)).toBe(42);
  });

  it("pages on a 99.9% SLO only when both the 1 h and the 5 min windows burn faster than 14.4×", () => {
    const slo = 0.999;
    const factor = 14.4;
    const both = burnRateAlert({ slo, factor, longErrorRatio: 0.02, shortErrorRatio: 0.05 });
    expect(both.page).toBe(true);
    expect(both.longBurn).toBeCloseTo(20, 6);
    expect(both.shortBurn).toBeCloseTo(50, 6);
    // Recovered: the hour still looks bad, the last five minutes are fine.
    expect(burnRateAlert({ slo, factor, longErrorRatio: 0.02, shortErrorRatio: 0.0005 }).page).toBe(false);
    // A short spike that has not yet burnt much of the budget.
    expect(burnRateAlert({ slo, factor, longErrorRatio: 0.005, shortErrorRatio: 0.2 }).page).toBe(false);
    expect(burnRateAlert({ slo, factor, longErrorRatio: 0.02, shortErrorRatio: NaN }).page).toBe(false);
    // Exactly at the factor is not above it.
    expect(burnRateAlert({ slo: 0.5, factor: 1, longErrorRatio: 0.5, shortErrorRatio: 0.5 }).page).toBe(false);
  });
});
