import type { Commit, ReplicaStore } from "./cluster";

export class ReplayError extends Error {
  constructor(readonly code: "GAP", message: string = code) {
    super(message);
    this.name = "ReplayError";
  }
}

/**
 * Applies one commit from the stream on a replica: its changes and the new replay position in ONE
 * transaction, so neither can exist without the other — after a failure or a crash the replica is
 * exactly at its last applied commit.
 */
export async function applyCommit(store: ReplicaStore, commit: Commit): Promise<void> {
  await store.transaction(async (tx) => {
    const { rows } = await tx.query<{ lsn: number }>("SELECT lsn FROM replay_state");
    const at = rows[0].lsn;
    // Redelivered after a reconnect: applied already, and applying it again could undo a later commit.
    if (commit.lsn <= at) return;
    if (commit.lsn !== at + 1) throw new ReplayError("GAP", `replica at LSN ${at} received LSN ${commit.lsn}`);
    for (const change of commit.changes) {
      if (change.op === "DELETE") await tx.query("DELETE FROM notes WHERE id = $1", [change.id]);
      else {
        await tx.query(
          "INSERT INTO notes (id, author, body) VALUES ($1, $2, $3) ON CONFLICT (id) DO UPDATE SET author = EXCLUDED.author, body = EXCLUDED.body",
          [change.id, change.author, change.body],
        );
      }
    }
    await tx.query("UPDATE replay_state SET lsn = $1", [commit.lsn]);
  });
}
