import { KNOWN_AFTER_APPLY, type Config, type Plan, type Scalar, type State } from "./types";

/**
 * Resolves `${addr.attr}` in a value. `lookup` returns the value, or undefined when it is only
 * known after apply; then the whole value is.
 */
export function resolve(value: Scalar, lookup: (address: string, attribute: string) => Scalar | undefined): Scalar {
  // TODO: a value that is exactly one reference takes the referenced value as it is (a number stays a number).
  void KNOWN_AFTER_APPLY;
  void lookup;
  throw new Error(`not implemented: resolve(${String(value)})`);
}

/** Compares the config with the state: what apply must do to make the cloud match the config. */
export function plan(config: Config, state: State): Plan {
  // TODO: walk the config parents first (graph.ts); create / update / replace / no-op per
  // resource, then delete for what is only in state.
  throw new Error(`not implemented: plan for ${config.resources.length} resources, ${Object.keys(state.resources).length} in state`);
}
