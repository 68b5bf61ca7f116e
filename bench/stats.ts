/** Median, min and max of a sample, the way every figure in the benchmark is reported. */
export interface Figure {
  median: number;
  min: number;
  max: number;
  samples: number[];
}

export function figure(samples: number[]): Figure {
  if (samples.length === 0) throw new Error("no samples");
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median: round(median), min: round(sorted[0]), max: round(sorted[sorted.length - 1]), samples: samples.map(round) };
}

export function round(n: number): number {
  return Math.round(n * 10) / 10;
}
