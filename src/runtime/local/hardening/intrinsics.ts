/**
 * Hardens what the runner, the matchers and the reporter rely on, before code under test loads:
 * the constructors' static methods, their prototypes' methods, the iterator prototypes, and the
 * global bindings that name them. Date and Math stay open: tests spy on Date.now and Math.random
 * (vi.spyOn redefines the property), and fake timers subclass Date; neither decides a verdict.
 *
 * Why not `ses`'s lockdown(): it freezes Date and Math too (vi.spyOn(Math, "random") breaks, and
 * @sinonjs/fake-timers' install() fails on the frozen Date), it cannot be undone or scoped to a run,
 * and a frozen property throws without saying who wrote it, where tampering needs file:line.
 */
import { guardKey, guardObject } from "./guard";

const CONSTRUCTORS = [
  "Object", "Function", "Array", "Promise", "Map", "Set", "WeakMap", "WeakSet", "WeakRef", "FinalizationRegistry",
  "Error", "TypeError", "RangeError", "SyntaxError", "ReferenceError", "EvalError", "URIError", "AggregateError",
  "String", "Number", "Boolean", "Symbol", "BigInt", "RegExp", "Proxy", "ArrayBuffer", "SharedArrayBuffer", "DataView",
  "Uint8Array", "Int8Array", "Uint16Array", "Int16Array", "Uint32Array", "Int32Array", "Float32Array", "Float64Array",
  "Uint8ClampedArray", "BigInt64Array", "BigUint64Array", "Float16Array", "Iterator", "SuppressedError",
] as const;
const NAMESPACES = ["JSON", "Reflect", "Atomics"] as const;
/** Written by @vitest/runner (stack trace length) and by source-map tools: not verdict-bearing. */
const ERROR_STATICS = new Set<PropertyKey>(["stackTraceLimit", "prepareStackTrace"]);

// Frozen as plain values for V8's fast paths. Not `constructor`: a read-only inherited property
// refuses `obj.constructor = …` on every object (the override mistake), and automocking does that.
const FAST_PATHS = new Set<PropertyKey>(["then", "next", Symbol.iterator, Symbol.asyncIterator]);

let hardened = false;

/**
 * `prototypes: false` leaves the prototypes' methods alone (the Node runtime: accessors on
 * Array.prototype.push and friends cost up to half again on loop-heavy tests, for trusted code).
 */
export function hardenIntrinsics(options: { prototypes?: boolean } = {}): void {
  const global = globalThis as unknown as Record<string, unknown>;
  if (hardened) return;
  hardened = true;
  const prototypes = new Set<object>();
  for (const name of CONSTRUCTORS) {
    const ctor = global[name];
    if (typeof ctor !== "function") continue;
    guardObject(ctor, { label: name, skip: name === "Error" ? ERROR_STATICS : undefined });
    const proto = (ctor as { prototype?: object }).prototype;
    if (proto) prototypes.add(proto);
    guardKey(global, name, { label: "globalThis" });
  }
  for (const name of NAMESPACES) {
    const namespace = global[name];
    if (namespace && typeof namespace === "object") guardObject(namespace, { label: name });
    guardKey(global, name, { label: "globalThis" });
  }
  if (options.prototypes === false) return;
  for (const proto of [...prototypes, ...hiddenPrototypes()]) guardObject(proto, { label: labelOf(proto), freeze: FAST_PATHS });
  // Own keys added later would shadow nothing the runtime reads, except on these two, where an
  // index or a name added by code under test shows up in every object and array the reporter builds.
  Object.preventExtensions(Object.prototype);
  Object.preventExtensions(Array.prototype);
}

/** %TypedArray%, %IteratorPrototype%, the built-in iterators, generators: not reachable by a global name. */
function hiddenPrototypes(): object[] {
  const proto = Object.getPrototypeOf;
  const arrayIterator = proto([][Symbol.iterator]());
  const generator = proto(function* () {});
  const asyncGenerator = proto(async function* () {});
  return [
    proto(Uint8Array), proto(Uint8Array.prototype),
    proto(arrayIterator), arrayIterator,
    proto(new Map()[Symbol.iterator]()), proto(new Set()[Symbol.iterator]()), proto(""[Symbol.iterator]()),
    proto("a".matchAll(/a/g)),
    generator, generator.prototype, asyncGenerator, asyncGenerator.prototype, proto(asyncGenerator.prototype),
    proto(async function () {}),
  ].filter((p): p is object => p !== null && p !== undefined);
}

function labelOf(proto: object): string {
  const ctor = Object.getOwnPropertyDescriptor(proto, "constructor")?.value as { name?: string } | undefined;
  return typeof ctor === "function" && ctor.name ? `${ctor.name}.prototype` : String(Object.prototype.toString.call(proto)).slice(8, -1);
}
