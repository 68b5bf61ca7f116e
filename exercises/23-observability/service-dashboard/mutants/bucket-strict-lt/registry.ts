import { MetricsError } from "./errors";

export type Labels = Record<string, string>;

export interface MetricOptions {
  name: string;
  help: string;
  labelNames?: string[];
}

export interface HistogramOptions extends MetricOptions {
  /** Upper bounds, strictly increasing and finite; +Inf is added by the registry. */
  buckets: number[];
}

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** A number as the exposition format writes it: +Inf, -Inf, NaN, else JavaScript's shortest form. */
export function formatValue(value: number): string {
  if (value === Infinity) return "+Inf";
  if (value === -Infinity) return "-Inf";
  return Number.isNaN(value) ? "NaN" : String(value);
}

const escapeLabelValue = (v: string) => v.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n");
const escapeHelp = (v: string) => v.replace(/\\/g, "\\\\").replace(/\n/g, "\\n");

function renderLabels(pairs: [string, string][]): string {
  if (pairs.length === 0) return "";
  return `{${pairs.map(([k, v]) => `${k}="${escapeLabelValue(v)}"`).join(",")}}`;
}

abstract class Metric<S> {
  readonly labelNames: string[];
  /** Series by their label values (JSON of the values in declared order). */
  protected series = new Map<string, { values: string[]; state: S }>();

  constructor(readonly type: "counter" | "gauge" | "histogram", readonly name: string, readonly help: string, labelNames: string[]) {
    this.labelNames = labelNames;
    // A metric without labels has exactly one series, visible (at zero) from the first scrape.
    if (labelNames.length === 0) this.series.set("[]", { values: [], state: this.initial() });
  }

  protected abstract initial(): S;

  protected stateFor(labels: Labels): S {
    const keys = Object.keys(labels);
    const fits = keys.length === this.labelNames.length && this.labelNames.every((n) => Object.hasOwn(labels, n));
    if (!fits) {
      throw new MetricsError("LABELS_MISMATCH", `${this.name}: labels expected {${this.labelNames.join(",")}}, found {${keys.join(",")}}`);
    }
    const values = this.labelNames.map((n) => String(labels[n]));
    const key = JSON.stringify(values);
    let entry = this.series.get(key);
    if (!entry) this.series.set(key, (entry = { values, state: this.initial() }));
    return entry.state;
  }

  /** Series ordered by their label values, compared in declared label order. */
  protected sorted() {
    const cmp = (a: string[], b: string[]) => {
      for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
      return 0;
    };
    return [...this.series.values()].sort((a, b) => cmp(a.values, b.values));
  }

  protected pairs(values: string[]): [string, string][] {
    return this.labelNames.map((n, i) => [n, values[i]]);
  }

  render(): string[] {
    return [`# HELP ${this.name} ${escapeHelp(this.help)}`, `# TYPE ${this.name} ${this.type}`, ...this.samples()];
  }

  protected abstract samples(): string[];
}

export class Counter extends Metric<{ value: number }> {
  protected initial() { return { value: 0 }; }
  inc(labels: Labels = {}, by = 1): void {
    if (!(by >= 0)) throw new MetricsError("NEGATIVE_INCREMENT", `${this.name}: a counter only goes up, found inc(${by})`);
    this.stateFor(labels).value += by;
  }
  protected samples() {
    return this.sorted().map((s) => `${this.name}${renderLabels(this.pairs(s.values))} ${formatValue(s.state.value)}`);
  }
}

export class Gauge extends Metric<{ value: number }> {
  protected initial() { return { value: 0 }; }
  set(labels: Labels, value: number): void { this.stateFor(labels).value = value; }
  inc(labels: Labels = {}, by = 1): void { this.stateFor(labels).value += by; }
  dec(labels: Labels = {}, by = 1): void { this.stateFor(labels).value -= by; }
  protected samples() {
    return this.sorted().map((s) => `${this.name}${renderLabels(this.pairs(s.values))} ${formatValue(s.state.value)}`);
  }
}

export class Histogram extends Metric<{ counts: number[]; sum: number; count: number }> {
  constructor(name: string, help: string, labelNames: string[], readonly buckets: number[]) {
    super("histogram", name, help, labelNames);
  }
  protected initial() { return { counts: [] as number[], sum: 0, count: 0 }; }
  observe(labels: Labels, value: number): void {
    const s = this.stateFor(labels);
    // le is "less than or equal": a value on a bound belongs to that bucket.
    this.buckets.forEach((le, i) => { if (value < le) s.counts[i] = (s.counts[i] ?? 0) + 1; });
    s.sum += value;
    s.count += 1;
  }
  protected samples() {
    return this.sorted().flatMap(({ values, state }) => {
      const base = this.pairs(values);
      const line = (le: number, n: number) => `${this.name}_bucket${renderLabels([...base, ["le", formatValue(le)]])} ${n}`;
      return [
        ...this.buckets.map((le, i) => line(le, state.counts[i] ?? 0)),
        line(Infinity, state.count),
        `${this.name}_sum${renderLabels(base)} ${formatValue(state.sum)}`,
        `${this.name}_count${renderLabels(base)} ${state.count}`,
      ];
    });
  }
}

export class Registry {
  private families = new Map<string, { name: string; render(): string[] }>();

  counter(o: MetricOptions): Counter { return this.add(new Counter("counter", o.name, o.help, this.check(o, false))); }
  gauge(o: MetricOptions): Gauge { return this.add(new Gauge("gauge", o.name, o.help, this.check(o, false))); }
  histogram(o: HistogramOptions): Histogram {
    const names = this.check(o, true);
    const ok = o.buckets.length > 0 && o.buckets.every((b, i) => Number.isFinite(b) && (i === 0 || b > o.buckets[i - 1]));
    if (!ok) throw new MetricsError("BAD_BUCKETS", `${o.name}: buckets expected finite and strictly increasing, found [${o.buckets.join(", ")}]`);
    return this.add(new Histogram(o.name, o.help, names, [...o.buckets]));
  }

  /** The exposition text: families ordered by name, each ending in a newline. */
  metrics(): string {
    return [...this.families.values()]
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
      .flatMap((m) => m.render())
      .map((line) => `${line}\n`)
      .join("");
  }

  private check(o: MetricOptions, histogram: boolean): string[] {
    if (!METRIC_NAME.test(o.name)) throw new MetricsError("BAD_METRIC_NAME", `metric name expected [a-zA-Z_:][a-zA-Z0-9_:]*, found "${o.name}"`);
    if (this.families.has(o.name)) throw new MetricsError("DUPLICATE_METRIC", `metric "${o.name}" is already registered`);
    const names = o.labelNames ?? [];
    for (const n of names) {
      const bad = !LABEL_NAME.test(n) || n.startsWith("__") || (histogram && n === "le") || names.indexOf(n) !== names.lastIndexOf(n);
      if (bad) throw new MetricsError("BAD_LABEL_NAME", `${o.name}: label name expected [a-zA-Z_][a-zA-Z0-9_]*, not reserved, found "${n}"`);
    }
    return [...names];
  }

  private add<M extends { name: string; render(): string[] }>(m: M): M {
    this.families.set(m.name, m);
    return m;
  }
}
