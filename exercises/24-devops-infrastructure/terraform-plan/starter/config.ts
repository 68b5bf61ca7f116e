import { parse } from "yaml";
import { REFERENCE, resourceTypes, TfError, type Config, type Scalar } from "./types";

/** The addresses a value refers to, in order of appearance (repeats kept). */
export function referencesIn(value: Scalar): { address: string; attribute: string }[] {
  // TODO: only strings hold references; use REFERENCE with matchAll.
  void REFERENCE;
  throw new Error(`not implemented: referencesIn(${String(value)})`);
}

/** Parses and validates the YAML config: every type known, every required argument set, every reference declared. */
export function parseConfig(source: string): Config {
  // TODO: parse with `yaml`; `resources:` maps "type.name" to arguments (plus an optional
  // `lifecycle: { create_before_destroy: true }`). Throw TfError INVALID_CONFIG, UNKNOWN_TYPE,
  // MISSING_ATTRIBUTE (detail.attribute) or UNDECLARED_REFERENCE (detail.reference).
  void parse;
  void resourceTypes;
  void TfError;
  throw new Error(`not implemented: parseConfig (${source.length} characters)`);
}
