/**
 * "Proven untouched": what a run left changed on the worker's globals, one level deep (each
 * global's own properties, and its prototype's for a constructor). Honest code that adds a global
 * or patches Math.random leaves the worker touched too; it is then replaced, not reused.
 */
type Entry = readonly [unknown, unknown, unknown];

const { getOwnPropertyDescriptor } = Object;
const ownKeys = Reflect.ownKeys;

export type Fingerprint = Map<object, Map<PropertyKey, Entry>>;

export function takeFingerprint(ignore: ReadonlySet<PropertyKey>): Fingerprint {
  const out: Fingerprint = new Map();
  out.set(globalThis, describe(globalThis, ignore));
  for (const key of ownKeys(globalThis)) {
    if (ignore.has(key)) continue;
    const value = getOwnPropertyDescriptor(globalThis, key)?.value as unknown;
    if (!isObject(value) || out.has(value)) continue;
    out.set(value, describe(value));
    const proto = typeof value === "function" ? (getOwnPropertyDescriptor(value, "prototype")?.value as unknown) : undefined;
    if (isObject(proto) && !out.has(proto)) out.set(proto, describe(proto));
  }
  return out;
}

/** The first few differences, as "Math.random"-like names; empty when nothing changed. */
export function compareFingerprint(before: Fingerprint, ignore: ReadonlySet<PropertyKey>): string[] {
  const changes: string[] = [];
  for (const [target, entries] of before) {
    const now = describe(target, target === globalThis ? ignore : undefined);
    for (const [key, entry] of now) {
      const was = entries.get(key) ?? inherited(target, key);
      if (!was || !same(was, entry)) changes.push(String(key));
    }
    for (const key of entries.keys()) if (!now.has(key)) changes.push(String(key));
    if (changes.length >= 5) break;
  }
  return changes;
}

const same = (a: Entry, b: Entry) => Object.is(a[0], b[0]) && a[1] === b[1] && a[2] === b[2];

/** The property as found up the prototype chain: the runtime puts the real timers back as own properties. */
function inherited(target: object, key: PropertyKey): Entry | undefined {
  for (let at = Object.getPrototypeOf(target) as object | null; at; at = Object.getPrototypeOf(at)) {
    const d = getOwnPropertyDescriptor(at, key);
    if (d) return [d.value, d.get, d.set];
  }
  return undefined;
}

function describe(target: object, ignore?: ReadonlySet<PropertyKey>): Map<PropertyKey, Entry> {
  const entries = new Map<PropertyKey, Entry>();
  for (const key of ownKeys(target)) {
    if (ignore?.has(key)) continue;
    const d = getOwnPropertyDescriptor(target, key);
    if (d) entries.set(key, [d.value, d.get, d.set]);
  }
  return entries;
}

function isObject(value: unknown): value is object {
  return value !== null && (typeof value === "object" || typeof value === "function");
}
