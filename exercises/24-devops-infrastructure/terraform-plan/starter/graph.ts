import { referencesIn } from "./config";
import { TfError, type Config } from "./types";

/** For each address, the addresses its arguments refer to (each once, sorted). */
export function dependencies(config: Config): Record<string, string[]> {
  // TODO: collect referencesIn over every argument of every resource.
  void referencesIn;
  throw new Error(`not implemented: dependencies of ${config.resources.length} resources`);
}

/**
 * Every address after all it depends on. Throws TfError DEPENDENCY_CYCLE whose detail.cycle lists
 * the resources on one cycle, each once, in reference order.
 */
export function applyOrder(deps: Record<string, string[]>): string[] {
  // TODO: a depth-first search that remembers the path it is on (a node met again on the path closes a cycle).
  void TfError;
  throw new Error(`not implemented: applyOrder of ${Object.keys(deps).length} resources`);
}
