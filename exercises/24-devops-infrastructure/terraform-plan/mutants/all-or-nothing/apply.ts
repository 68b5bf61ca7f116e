import { applyOrder, dependencies } from "./graph";
import { resolve } from "./plan";
import type { FakeCloud } from "./provider";
import { TfError, type Config, type Plan, type Scalar, type State } from "./types";

export interface ApplyResult { state: State; error: TfError | null }

/**
 * Carries out the plan: destroys (children first), then creates, updates and replaces (parents
 * first), then the old halves of create-before-destroy replacements (children first). Stops at
 * the first provider error; the state returned records exactly what was done.
 */
export async function apply(config: Config, planned: Plan, prior: State, cloud: FakeCloud): Promise<ApplyResult> {
  const state: State = { resources: { ...prior.resources } };
  const deps = dependencies(config);
  const byAddress = new Map(config.resources.map((r) => [r.address, r]));
  const change = new Map(planned.changes.map((c) => [c.address, c]));
  const stateDeps = Object.fromEntries(Object.entries(prior.resources).map(([a, r]) => [a, r.dependencies]));
  const childrenFirst = applyOrder(stateDeps).reverse();
  const deposed: { address: string; id: string }[] = [];
  let current = "";
  try {
    for (const address of childrenFirst) {
      const c = change.get(address);
      if (c?.action !== "delete" && !(c?.action === "replace" && c.replaceOrder === "destroy-before-create")) continue;
      current = address;
      await cloud.delete(address, prior.resources[address].id);
      delete state.resources[address];
    }
    for (const address of applyOrder(deps)) {
      const c = change.get(address);
      if (!c || c.action === "no-op") continue;
      current = address;
      const resource = byAddress.get(address)!;
      const args: Record<string, Scalar> = {};
      for (const [key, value] of Object.entries(resource.attributes)) {
        args[key] = resolve(value, (dep, attribute) => state.resources[dep]?.attributes[attribute]);
      }
      const attributes =
        c.action === "update"
          ? await cloud.update(address, state.resources[address].id, args)
          : await cloud.create(address, resource.type, args);
      if (c.action === "replace" && c.replaceOrder === "create-before-destroy") deposed.push({ address, id: prior.resources[address].id });
      state.resources[address] = { type: resource.type, id: String(attributes.id), attributes, dependencies: deps[address] };
    }
    const rank = new Map(childrenFirst.map((a, i) => [a, i]));
    deposed.sort((a, b) => rank.get(a.address)! - rank.get(b.address)!);
    for (const old of deposed) {
      current = old.address;
      await cloud.delete(old.address, old.id);
    }
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return { state: prior, error: new TfError("PROVIDER_ERROR", current, message) };
  }
  return { state, error: null };
}

export interface Drift { address: string; kind: "changed" | "deleted"; attributes: string[] }

/** Reads every object back from the cloud: the state becomes what is really there, and the differences are reported. */
export async function refresh(prior: State, cloud: FakeCloud): Promise<{ state: State; drift: Drift[] }> {
  const state: State = { resources: {} };
  const drift: Drift[] = [];
  for (const [address, r] of Object.entries(prior.resources)) {
    const live = await cloud.read(r.id);
    if (live === null) {
      drift.push({ address, kind: "deleted", attributes: [] });
      continue;
    }
    const keys = new Set([...Object.keys(live), ...Object.keys(r.attributes)]);
    const changed = [...keys].filter((k) => live[k] !== r.attributes[k]).sort();
    if (changed.length > 0) drift.push({ address, kind: "changed", attributes: changed });
    state.resources[address] = { ...r, attributes: live };
  }
  return { state, drift };
}
