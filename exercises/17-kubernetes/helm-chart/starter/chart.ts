import { stringify } from "yaml";
import { mergeValues } from "./merge";
import { fullname, labels, selectorLabels } from "./names";
import { ChartError, type Overrides, type Release, type Values } from "./types";
import { defaultValues } from "./values";

type Manifest = Record<string, unknown>;

/** The manifests of one release, in Helm's install order. */
export function manifests(release: Release, ...overrides: Overrides[]): Manifest[] {
  const values: Values = mergeValues(defaultValues, ...overrides);
  // TODO: validate values (throw ChartError("INVALID_VALUES", path, …)), then build
  // Secret, ConfigMap, Service, Deployment, HorizontalPodAutoscaler and Ingress as the README says.
  void values; void fullname; void labels; void selectorLabels; void ChartError;
  throw new Error("not implemented");
}

/** `helm template`: the release as one YAML stream, a document per object. */
export function render(release: Release, ...overrides: Overrides[]): string {
  return manifests(release, ...overrides).map((m) => stringify(m, { aliasDuplicateObjects: false })).join("---\n");
}
