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

const notImplemented = (what: string) => new Error(`${what}: not implemented`);

/** A number as the exposition format writes it: +Inf, -Inf, NaN, else JavaScript's shortest form. */
export function formatValue(value: number): string {
  if (value === Infinity) return "+Inf";
  if (value === -Infinity) return "-Inf";
  return Number.isNaN(value) ? "NaN" : String(value);
}

// TODO: keep one series per distinct label set (values in declared order), check every label set
// against labelNames (throw new MetricsError("LABELS_MISMATCH", ...)), and render the samples.

export class Counter {
  inc(_labels: Labels = {}, _by = 1): void { throw notImplemented("Counter.inc"); }
}

export class Gauge {
  set(_labels: Labels, _value: number): void { throw notImplemented("Gauge.set"); }
  inc(_labels: Labels = {}, _by = 1): void { throw notImplemented("Gauge.inc"); }
  dec(_labels: Labels = {}, _by = 1): void { throw notImplemented("Gauge.dec"); }
}

export class Histogram {
  observe(_labels: Labels, _value: number): void { throw notImplemented("Histogram.observe"); }
}

export class Registry {
  counter(_o: MetricOptions): Counter { throw notImplemented("Registry.counter"); }
  gauge(_o: MetricOptions): Gauge { throw notImplemented("Registry.gauge"); }
  histogram(_o: HistogramOptions): Histogram { throw notImplemented("Registry.histogram"); }

  /** The exposition text: families ordered by name, each line ending in "\n". */
  metrics(): string { throw notImplemented("Registry.metrics"); }
}

export { MetricsError };
