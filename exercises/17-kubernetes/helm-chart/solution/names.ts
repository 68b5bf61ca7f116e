import { chart, type Release, type Values } from "./types";

/** Helm's `fullname`: release-chart, or the release alone when it already names the chart; 63 characters at most. */
export function fullname(release: Release): string {
  const name = release.name.includes(chart.name) ? release.name : `${release.name}-${chart.name}`;
  return name.slice(0, 63).replace(/-+$/, "");
}

/** The labels that pick this release's pods. They must never change, so no version in them. */
export function selectorLabels(release: Release): Record<string, string> {
  return { "app.kubernetes.io/name": chart.name, "app.kubernetes.io/instance": release.name };
}

/** Kubernetes' recommended labels, on every object of the release. */
export function labels(release: Release, values: Values): Record<string, string> {
  return {
    "helm.sh/chart": `${chart.name}-${chart.version}`,
    ...selectorLabels(release),
    "app.kubernetes.io/version": imageTag(values),
    "app.kubernetes.io/managed-by": "Helm",
  };
}

export function imageTag(values: Values): string {
  return values.image.tag || chart.appVersion;
}
