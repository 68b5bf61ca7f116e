import { referencesIn } from "./config";
import { TfError, type Config } from "./types";

/** For each address, the addresses its arguments refer to (each once, sorted). */
export function dependencies(config: Config): Record<string, string[]> {
  return Object.fromEntries(
    config.resources.map((r) => {
      const deps = new Set(Object.values(r.attributes).flatMap((v) => referencesIn(v).map((x) => x.address)));
      return [r.address, [...deps].sort()];
    }),
  );
}

/**
 * Every address after all it depends on. Throws TfError DEPENDENCY_CYCLE whose detail.cycle lists
 * the resources on one cycle, each once, in reference order.
 */
export function applyOrder(deps: Record<string, string[]>): string[] {
  const order: string[] = [];
  const state = new Map<string, "visiting" | "done">();
  const path: string[] = [];
  const visit = (address: string) => {
    if (state.get(address) === "done") return;
    if (state.get(address) === "visiting") {
      const cycle = path.slice(path.indexOf(address));
      throw new TfError("DEPENDENCY_CYCLE", address, `cycle: ${[...cycle, address].join(" -> ")}`, { cycle });
    }
    state.set(address, "visiting");
    path.push(address);
    for (const dep of deps[address] ?? []) if (dep in deps) visit(dep);
    path.pop();
    state.set(address, "done");
    order.push(address);
  };
  for (const address of Object.keys(deps).sort()) visit(address);
  return order;
}
