import type { Commit, ReplicaStore } from "./cluster";

export class ReplayError extends Error {
  constructor(readonly code: "GAP", message: string = code) {
    super(message);
    this.name = "ReplayError";
  }
}

/**
 * Applies one commit from the stream on a replica (see the README, step 1).
 *
 * TODO: read the replica's position (SELECT lsn FROM replay_state); skip a commit it has applied
 * already; refuse a gap with ReplayError GAP; apply each change to `notes` (UPSERT: insert or
 * update by id; DELETE: delete by id) and move replay_state to commit.lsn — all in ONE transaction.
 */
export async function applyCommit(store: ReplicaStore, commit: Commit): Promise<void> {
  void [store, commit];
  throw new Error("not implemented: applyCommit");
}
