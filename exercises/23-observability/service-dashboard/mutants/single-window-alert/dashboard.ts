export interface Sample { name: string; labels: Record<string, string>; value: number }

const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)(?:\s+\S+)?$/;
const LABEL = /\s*([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"\s*,?/y;

function parseValue(text: string): number {
  if (text === "+Inf") return Infinity;
  if (text === "-Inf") return -Infinity;
  return Number(text);
}

/** Exposition text back into samples; comment lines and blank lines are skipped. */
export function parseExposition(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split("\n")) {
    if (line.trim() === "" || line.startsWith("#")) continue;
    const m = SAMPLE.exec(line);
    if (!m) throw new SyntaxError(`exposition line expected name{labels} value, found "${line}"`);
    const labels: Record<string, string> = {};
    const body = m[2] ?? "";
    LABEL.lastIndex = 0;
    while (LABEL.lastIndex < body.length) {
      const l = LABEL.exec(body);
      if (!l) throw new SyntaxError(`labels expected name="value", found "${body}"`);
      labels[l[1]] = l[2].replace(/\\(.)/g, (_, c: string) => (c === "n" ? "\n" : c));
    }
    samples.push({ name: m[1], labels, value: parseValue(m[3]) });
  }
  return samples;
}

const identity = (s: Sample) => `${s.name}${JSON.stringify(Object.entries(s.labels).sort(([a], [b]) => (a < b ? -1 : 1)))}`;

/**
 * increase() over two scrapes, per series present in both: a drop means the process restarted and the
 * counter began again at zero, so everything counted since is the new value.
 */
export function increases(prev: Sample[], curr: Sample[], name: string): Sample[] {
  const before = new Map(prev.filter((s) => s.name === name).map((s) => [identity(s), s.value]));
  return curr
    .filter((s) => s.name === name && before.has(identity(s)))
    .map((s) => {
      const old = before.get(identity(s))!;
      return { ...s, value: s.value >= old ? s.value - old : s.value };
    });
}

const sum = (xs: Sample[]) => xs.reduce((t, s) => t + s.value, 0);

/** sum(rate(http_requests_total[interval])) in requests per second. */
export function throughput(prev: Sample[], curr: Sample[], seconds: number): number {
  return sum(increases(prev, curr, "http_requests_total")) / seconds;
}

/** Share of the requests in the interval answered with a 5xx; NaN when there were none. */
export function errorRatio(prev: Sample[], curr: Sample[]): number {
  const all = increases(prev, curr, "http_requests_total");
  return sum(all.filter((s) => s.labels.status?.startsWith("5"))) / sum(all);
}

/** Prometheus's histogram_quantile over cumulative buckets (upper bound `le`, count). */
export function histogramQuantile(q: number, buckets: { le: number; count: number }[]): number {
  if (Number.isNaN(q)) return NaN;
  if (q < 0) return -Infinity;
  if (q > 1) return Infinity;
  const b = [...buckets].sort((x, y) => x.le - y.le);
  if (b.length < 2 || b[b.length - 1].le !== Infinity) return NaN;
  const total = b[b.length - 1].count;
  if (total === 0) return NaN;
  const rank = q * total;
  const i = b.findIndex((x) => x.count >= rank);
  if (i === b.length - 1) return b[b.length - 2].le;
  if (i === 0 && b[0].le <= 0) return b[0].le;
  const lower = i === 0 ? 0 : b[i - 1].le;
  const below = i === 0 ? 0 : b[i - 1].count;
  return lower + (b[i].le - lower) * ((rank - below) / (b[i].count - below));
}

/** histogram_quantile(q, sum by (le) (rate(http_request_duration_seconds_bucket[…]))), optionally one route. */
export function latencyQuantile(q: number, prev: Sample[], curr: Sample[], route?: string): number {
  const byLe = new Map<number, number>();
  for (const s of increases(prev, curr, "http_request_duration_seconds_bucket")) {
    if (route !== undefined && s.labels.route !== route) continue;
    const le = s.labels.le === "+Inf" ? Infinity : Number(s.labels.le);
    byLe.set(le, (byLe.get(le) ?? 0) + s.value);
  }
  return histogramQuantile(q, [...byLe].map(([le, count]) => ({ le, count })));
}

/** hits / (hits + misses) over the interval; NaN without lookups. */
export function cacheHitRatio(prev: Sample[], curr: Sample[]): number {
  const hits = sum(increases(prev, curr, "cache_hits_total"));
  return hits / (hits + sum(increases(prev, curr, "cache_misses_total")));
}

/** Saturation of the database pool at the latest scrape: in use / max. */
export function poolUsage(curr: Sample[]): number {
  return sum(curr.filter((s) => s.name === "db_pool_connections_in_use")) / sum(curr.filter((s) => s.name === "db_pool_connections_max"));
}

/** Total consumer lag at the latest scrape, all partitions. */
export function consumerLag(curr: Sample[]): number {
  return sum(curr.filter((s) => s.name === "consumer_lag_messages"));
}

/**
 * Multiwindow burn-rate page (Google SRE Workbook, ch. 5): page only when both the long and the short
 * window burn the error budget faster than `factor` times the sustainable rate.
 */
export function burnRateAlert(o: { slo: number; longErrorRatio: number; shortErrorRatio: number; factor: number }) {
  const budget = 1 - o.slo;
  const longBurn = o.longErrorRatio / budget;
  const shortBurn = o.shortErrorRatio / budget;
  return { longBurn, shortBurn, page: longBurn > o.factor };
}
