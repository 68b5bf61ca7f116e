/**
 * Guarded properties: a data property becomes a non-configurable accessor. Reading gives the value;
 * assigning to the object itself is refused (recorded as tampering, then a TypeError, as a frozen
 * property would throw), unless `allow` says yes; assigning through an object that inherits it
 * defines the property on that object, so `error.name = …` and `obj.toString = …` keep working
 * (the "override mistake" a plain freeze would cause).
 */
import { recordTampering } from "./tampering";

const { defineProperty, getOwnPropertyDescriptor } = Object;
const ownKeys = Reflect.ownKeys;
const apply = Reflect.apply;
const TypeErrorCtor = TypeError;

export interface GuardOptions {
  /** How tampering names the object, e.g. "Object" or "Array.prototype". */
  label: string;
  /** Whether a write to the object itself may go through (e.g. a hidden test's expect.extend). */
  allow?: () => boolean;
  /** Keys left as they are. */
  skip?: ReadonlySet<PropertyKey>;
  /**
   * Keys made plain read-only instead: what V8's fast paths watch (an accessor there would slow
   * every spread, for…of and await), and that honest code has no reason to assign on instances.
   */
  freeze?: ReadonlySet<PropertyKey>;
}

/** A guarded property's current value, for code that may change it on purpose (see `setGuarded`). */
const slots = new WeakMap<object, Map<PropertyKey, { value: unknown }>>();
let privileged = 0;

/** Runs `fn` with every guard open: the runtime's own writes (package loading, rolling back extensions). */
export function privilegedWrite<T>(fn: () => T): T {
  privileged++;
  try {
    return fn();
  } finally {
    privileged--;
  }
}

/**
 * The same across an await: packages and PGlite a later run needs first load after hardening, and
 * a library may polyfill. Only between runs, when no code under test of the current run has loaded.
 */
export async function privilegedLoad<T>(load: () => Promise<T>): Promise<T> {
  privileged++;
  try {
    return await load();
  } finally {
    privileged--;
  }
}

export function guardObject(target: object, options: GuardOptions): void {
  for (const key of ownKeys(target)) guardKey(target, key, options);
}

export function guardKey(target: object, key: PropertyKey, options: GuardOptions): void {
  if (options.skip?.has(key)) return;
  const descriptor = getOwnPropertyDescriptor(target, key);
  if (!descriptor || !descriptor.configurable) return;
  if (!("value" in descriptor) || !descriptor.writable || options.freeze?.has(key)) {
    defineProperty(target, key, "value" in descriptor ? { writable: false, configurable: false } : { configurable: false });
    return;
  }
  let map = slots.get(target);
  if (!map) slots.set(target, (map = new Map()));
  const slot = { value: descriptor.value };
  map.set(key, slot);
  const name = typeof key === "symbol" ? `[${key.description}]` : String(key);
  defineProperty(target, key, {
    enumerable: descriptor.enumerable,
    configurable: false,
    get: () => slot.value,
    set(this: unknown, value: unknown) {
      if (this !== target) {
        if (this !== null && (typeof this === "object" || typeof this === "function")) {
          defineProperty(this, key, { value, writable: true, enumerable: true, configurable: true });
        }
        return;
      }
      if (privileged > 0 || (options.allow && apply(options.allow, undefined, []))) {
        slot.value = value;
        return;
      }
      recordTampering(`wrote ${options.label}.${name}`);
      throw new TypeErrorCtor(`Cannot assign to read only property '${name}' of ${options.label}: the test runtime is hardened against code under test`);
    },
  });
}

/** Whether `key` of `target` is guarded, and its value if so. */
export function guardedValue(target: object, key: PropertyKey): { value: unknown } | undefined {
  return slots.get(target)?.get(key);
}

/** Changes a guarded property's value (the runtime rolling back what a test file added). */
export function setGuarded(target: object, key: PropertyKey, value: unknown): void {
  const slot = slots.get(target)?.get(key);
  if (slot) slot.value = value;
}
