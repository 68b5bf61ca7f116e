import { referencesIn } from "./config";
import { applyOrder, dependencies } from "./graph";
import { KNOWN_AFTER_APPLY, REFERENCE, resourceTypes, type Change, type Config, type Plan, type Scalar, type State } from "./types";

/**
 * Resolves `${addr.attr}` in a value. `lookup` returns the value, or undefined when it is only
 * known after apply; then the whole value is.
 */
export function resolve(value: Scalar, lookup: (address: string, attribute: string) => Scalar | undefined): Scalar {
  const refs = referencesIn(value);
  if (refs.length === 0) return value;
  const values = refs.map((r) => lookup(r.address, r.attribute));
  if (values.some((v) => v === undefined)) return KNOWN_AFTER_APPLY;
  const whole = (value as string).match(/^\$\{[^}]+\}$/);
  if (whole) return values[0]!;
  let i = 0;
  return (value as string).replace(REFERENCE, () => String(values[i++]));
}

/** Compares the config with the state: what apply must do to make the cloud match the config. */
export function plan(config: Config, state: State): Plan {
  const order = applyOrder(dependencies(config));
  const byAddress = new Map(config.resources.map((r) => [r.address, r]));
  const changes = new Map<string, Change>();
  for (const address of order) {
    const resource = byAddress.get(address)!;
    const prior = state.resources[address];
    const after: Record<string, Scalar> = {};
    for (const [key, value] of Object.entries(resource.attributes)) {
      after[key] = resolve(value, (dep, attribute) => {
        const action = changes.get(dep)?.action;
        if (action === "create" || action === "replace") return undefined;
        return state.resources[dep]?.attributes[attribute];
      });
    }
    if (!prior) {
      changes.set(address, { address, action: "create", after });
      continue;
    }
    const schema = resourceTypes[resource.type];
    const argKeys = new Set([...Object.keys(after), ...Object.keys(prior.attributes).filter((k) => !schema.computed.includes(k))]);
    const changed = [...argKeys].filter((k) => after[k] === KNOWN_AFTER_APPLY || after[k] !== prior.attributes[k]);
    const forcedBy = changed.filter((k) => schema.forceNew.includes(k) && after[k] !== KNOWN_AFTER_APPLY).sort();
    if (forcedBy.length > 0) {
      const replaceOrder = resource.createBeforeDestroy ? "create-before-destroy" : "destroy-before-create";
      changes.set(address, { address, action: "replace", after, forcedBy, replaceOrder });
    } else {
      changes.set(address, { address, action: changed.length > 0 ? "update" : "no-op", after });
    }
  }
  for (const address of Object.keys(state.resources).sort()) {
    if (!byAddress.has(address)) changes.set(address, { address, action: "delete", after: null });
  }
  return { changes: [...changes.values()] };
}
