import { parse } from "yaml";
import { REFERENCE, resourceTypes, TfError, type Config, type Resource, type Scalar } from "./types";

const isScalar = (v: unknown): v is Scalar => ["string", "number", "boolean"].includes(typeof v);
const isMap = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** The addresses a value refers to, in order of appearance (repeats kept). */
export function referencesIn(value: Scalar): { address: string; attribute: string }[] {
  if (typeof value !== "string") return [];
  return [...value.matchAll(REFERENCE)].map((m) => ({ address: m[1], attribute: m[2] }));
}

/** Parses and validates the YAML config: every type known, every required argument set, every reference declared. */
export function parseConfig(source: string): Config {
  const doc: unknown = parse(source);
  if (!isMap(doc) || !isMap(doc.resources)) throw new TfError("INVALID_CONFIG", null, "expected a top-level `resources:` map");
  const resources: Resource[] = [];
  for (const [address, body] of Object.entries(doc.resources)) {
    const [type, name, ...rest] = address.split(".");
    if (!name || rest.length > 0 || !isMap(body)) {
      throw new TfError("INVALID_CONFIG", address, `${address}: expected "type.name" mapped to its arguments`);
    }
    const schema = resourceTypes[type];
    if (!schema) throw new TfError("UNKNOWN_TYPE", address, `${address}: unknown resource type "${type}"`);
    const { lifecycle, ...args } = body;
    const attributes: Record<string, Scalar> = {};
    for (const [key, value] of Object.entries(args)) {
      if (!isScalar(value)) throw new TfError("INVALID_CONFIG", address, `${address}.${key}: expected a string, number or boolean`);
      attributes[key] = value;
    }
    const missing = schema.required.find((key) => !(key in attributes));
    if (missing) throw new TfError("MISSING_ATTRIBUTE", address, `${address}: "${missing}" is required`, { attribute: missing });
    const createBeforeDestroy = isMap(lifecycle) && lifecycle.create_before_destroy === true;
    resources.push({ address, type, name, attributes, createBeforeDestroy });
  }
  const declared = new Set(resources.map((r) => r.address));
  for (const r of resources) {
    for (const value of Object.values(r.attributes)) {
      const ref = referencesIn(value).find((x) => !declared.has(x.address));
      if (ref) throw new TfError("UNDECLARED_REFERENCE", r.address, `${r.address}: refers to undeclared ${ref.address}`, { reference: ref.address });
    }
  }
  return { resources };
}
