// A small JSON Schema 2020-12 checker for the keywords OpenAPI 3.1 documents use here. It returns
// the problems it found ("" when the value fits), so a failing test says where the document and
// the response disagree. $ref resolves "#/..." against the whole OpenAPI document, or against the
// nearest enclosing schema that has $defs.

type Schema = Record<string, unknown> | boolean;

export function check(value: unknown, schema: Schema, document: object): string[] {
  const problems: string[] = [];
  walk(value, schema, "$", [document], problems);
  return problems;
}

function typeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

function resolve(ref: string, roots: object[]): Schema {
  if (!ref.startsWith("#/")) throw new Error(`unsupported $ref ${ref}`);
  const parts = ref.slice(2).split("/").map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"));
  for (const root of [...roots].reverse()) {
    let at: unknown = root;
    for (const part of parts) at = (at as Record<string, unknown> | undefined)?.[part];
    if (at !== undefined) return at as Schema;
  }
  throw new Error(`$ref ${ref} points at nothing`);
}

function walk(value: unknown, schema: Schema, at: string, roots: object[], out: string[]): void {
  if (schema === true) return;
  if (schema === false) return void out.push(`${at}: no value is allowed here`);
  const s = schema;
  if (s.$defs) roots = [...roots, s];
  if (typeof s.$ref === "string") walk(value, resolve(s.$ref, roots), at, roots, out);
  const type = typeOf(value);
  if (s.type !== undefined) {
    const types = [s.type].flat() as string[];
    if (!types.includes(type) && !(type === "integer" && types.includes("number"))) {
      return void out.push(`${at}: expected ${types.join(" or ")}, got ${type}`);
    }
  }
  if (s.enum && !(s.enum as unknown[]).some((e) => e === value)) out.push(`${at}: not one of ${JSON.stringify(s.enum)}`);
  if ("const" in s && s.const !== value) out.push(`${at}: expected ${JSON.stringify(s.const)}`);
  if (typeof value === "number") {
    if (typeof s.minimum === "number" && value < s.minimum) out.push(`${at}: below minimum ${s.minimum}`);
    if (typeof s.maximum === "number" && value > s.maximum) out.push(`${at}: above maximum ${s.maximum}`);
    if (typeof s.exclusiveMinimum === "number" && value <= s.exclusiveMinimum) out.push(`${at}: not above ${s.exclusiveMinimum}`);
    if (typeof s.exclusiveMaximum === "number" && value >= s.exclusiveMaximum) out.push(`${at}: not below ${s.exclusiveMaximum}`);
  }
  if (typeof value === "string") {
    const length = [...value].length;
    if (typeof s.minLength === "number" && length < s.minLength) out.push(`${at}: shorter than ${s.minLength}`);
    if (typeof s.maxLength === "number" && length > s.maxLength) out.push(`${at}: longer than ${s.maxLength}`);
    if (typeof s.pattern === "string" && !new RegExp(s.pattern, "u").test(value)) out.push(`${at}: does not match ${s.pattern}`);
  }
  if (Array.isArray(value)) {
    if (typeof s.minItems === "number" && value.length < s.minItems) out.push(`${at}: fewer than ${s.minItems} items`);
    if (typeof s.maxItems === "number" && value.length > s.maxItems) out.push(`${at}: more than ${s.maxItems} items`);
    if (s.items !== undefined) value.forEach((item, i) => walk(item, s.items as Schema, `${at}[${i}]`, roots, out));
  }
  if (type === "object") {
    const object = value as Record<string, unknown>;
    const properties = (s.properties ?? {}) as Record<string, Schema>;
    for (const name of (s.required ?? []) as string[]) if (!(name in object)) out.push(`${at}: missing ${name}`);
    for (const [name, v] of Object.entries(object)) {
      if (name in properties) walk(v, properties[name]!, `${at}.${name}`, roots, out);
      else if (s.additionalProperties !== undefined) walk(v, s.additionalProperties as Schema, `${at}.${name}`, roots, out);
    }
  }
  if (Array.isArray(s.allOf)) for (const sub of s.allOf) walk(value, sub as Schema, at, roots, out);
  for (const key of ["anyOf", "oneOf"] as const) {
    const options = s[key];
    if (!Array.isArray(options)) continue;
    const fits = options.filter((sub) => {
      const found: string[] = [];
      walk(value, sub as Schema, at, roots, found);
      return found.length === 0;
    }).length;
    if (key === "anyOf" ? fits === 0 : fits !== 1) out.push(`${at}: fits ${fits} of the ${key} options`);
  }
}
