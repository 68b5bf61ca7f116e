export interface Sample { name: string; labels: Record<string, string>; value: number }

const notImplemented = (what: string) => new Error(`${what}: not implemented`);

/** Exposition text back into samples; comment lines and blank lines are skipped. */
export function parseExposition(_text: string): Sample[] {
  throw notImplemented("parseExposition");
}

/** sum(rate(http_requests_total[interval])) in requests per second. */
export function throughput(_prev: Sample[], _curr: Sample[], _seconds: number): number {
  throw notImplemented("throughput");
}

/** Share of the requests in the interval answered with a 5xx; NaN when there were none. */
export function errorRatio(_prev: Sample[], _curr: Sample[]): number {
  throw notImplemented("errorRatio");
}

/** Prometheus's histogram_quantile over cumulative buckets (upper bound `le`, count). */
export function histogramQuantile(_q: number, _buckets: { le: number; count: number }[]): number {
  throw notImplemented("histogramQuantile");
}

/** histogram_quantile(q, sum by (le) (rate(http_request_duration_seconds_bucket[…]))), optionally one route. */
export function latencyQuantile(_q: number, _prev: Sample[], _curr: Sample[], _route?: string): number {
  throw notImplemented("latencyQuantile");
}

/** hits / (hits + misses) over the interval; NaN without lookups. */
export function cacheHitRatio(_prev: Sample[], _curr: Sample[]): number {
  throw notImplemented("cacheHitRatio");
}

/** Saturation of the database pool at the latest scrape: in use / max. */
export function poolUsage(_curr: Sample[]): number {
  throw notImplemented("poolUsage");
}

/** Total consumer lag at the latest scrape, all partitions. */
export function consumerLag(_curr: Sample[]): number {
  throw notImplemented("consumerLag");
}

/** Multiwindow burn-rate page: both windows must burn faster than `factor` × the sustainable rate. */
export function burnRateAlert(_o: { slo: number; longErrorRatio: number; shortErrorRatio: number; factor: number }): {
  longBurn: number; shortBurn: number; page: boolean;
} {
  throw notImplemented("burnRateAlert");
}
