import type { FakeCloud } from "./provider";
import type { Config, Plan, State, TfError } from "./types";

export interface ApplyResult { state: State; error: TfError | null }

/**
 * Carries out the plan: destroys (children first), then creates, updates and replaces (parents
 * first), then the old halves of create-before-destroy replacements (children first). Stops at
 * the first provider error; the state returned records exactly what was done.
 */
export async function apply(config: Config, planned: Plan, prior: State, cloud: FakeCloud): Promise<ApplyResult> {
  // TODO: resolve each argument from the state as it is at that moment, call the cloud, record the result.
  void cloud;
  throw new Error(`not implemented: apply ${planned.changes.length} changes (${config.resources.length} resources, ${Object.keys(prior.resources).length} in state)`);
}

export interface Drift { address: string; kind: "changed" | "deleted"; attributes: string[] }

/** Reads every object back from the cloud: the state becomes what is really there, and the differences are reported. */
export async function refresh(prior: State, cloud: FakeCloud): Promise<{ state: State; drift: Drift[] }> {
  // TODO: cloud.read(id) for each resource in state.
  void cloud;
  throw new Error(`not implemented: refresh ${Object.keys(prior.resources).length} resources`);
}
