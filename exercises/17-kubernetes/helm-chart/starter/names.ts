import { chart, type Release, type Values } from "./types";

/** Helm's `fullname`: release-chart, or the release alone when it already names the chart; 63 characters at most. */
export function fullname(release: Release): string {
  return `${release.name}-${chart.name}`; // TODO: the rules in the README
}

/** The labels that pick this release's pods. */
export function selectorLabels(release: Release): Record<string, string> {
  void release;
  throw new Error("not implemented");
}

/** Kubernetes' recommended labels, on every object of the release. */
export function labels(release: Release, values: Values): Record<string, string> {
  void release; void values;
  throw new Error("not implemented");
}
