/**
 * A primary and two read replicas with asynchronous replication. READ-ONLY: your router uses it,
 * and the tests drive its replication stream and its failures.
 *
 * The primary commits each write as one transaction and appends it to its log under the next LSN
 * (log sequence number: 1, 2, 3, …). Nothing reaches a replica until the stream delivers it:
 * `catchUp(name, upTo)` sends the replica every logged commit up to `upTo`, from the first one, in
 * commit order — a stream that resends after a reconnect — and your `applyCommit` (replay.ts)
 * applies each. Until then the replica answers reads with what it has: it lags.
 */
import type { Db, Transaction } from "@roadlab/db";
import { applyCommit } from "./replay";

export type NodeName = "primary" | "replica-1" | "replica-2";
export const REPLICAS = ["replica-1", "replica-2"] as const satisfies readonly NodeName[];

export class ClusterError extends Error {
  constructor(
    readonly code: "NODE_DOWN",
    readonly node: NodeName,
  ) {
    super(`${node} is unreachable`);
    this.name = "ClusterError";
  }
}

export interface Node {
  readonly name: NodeName;
  /**
   * Primary: the LSN of its last commit (0 before any). Replica: the LSN of the last transaction it
   * replayed. Rejects with ClusterError NODE_DOWN when the node is unreachable.
   */
  lsn(): Promise<number>;
  /** Runs a read. On a replica it runs READ ONLY, as on a hot standby. Rejects with NODE_DOWN when unreachable. */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
}

export interface Primary extends Node {
  /** Runs one statement as one transaction and returns its commit LSN. Rejects with NODE_DOWN when unreachable. */
  write(sql: string, params?: unknown[]): Promise<number>;
}

export interface Change {
  op: "UPSERT" | "DELETE";
  id: number;
  author: string | null;
  body: string | null;
}

/** One committed transaction in the stream: its LSN and its row changes, in the order they happened. */
export interface Commit {
  lsn: number;
  changes: Change[];
}

/** A replica's own database, as replay.ts gets it: its tables are `notes` and `replay_state`. */
export interface ReplicaStore {
  /** One statement, in a transaction of its own (autocommit). */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** BEGIN, fn, COMMIT — or ROLLBACK if fn throws (and the error is rethrown). Use the `tx` inside. */
  transaction<T>(fn: (tx: Transaction) => Promise<T>): Promise<T>;
}

const schemaOf = (name: NodeName) => `node_${name.replace("-", "_")}`;

export class Cluster {
  readonly primary: Primary;
  readonly replicas: readonly Node[];
  private readonly log: Commit[] = [];
  private readonly unreachable = new Set<NodeName>();
  /** PGlite has one connection: every node's work waits its turn here. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly db: Db) {
    const cluster = this;
    this.primary = {
      name: "primary",
      lsn: async () => (this.reach("primary"), this.log.length),
      query: (sql, params) => this.onNode("primary", false, async (tx) => (await tx.query(sql, params)).rows as never),
      async write(sql, params) {
        cluster.reach("primary");
        const changes = await cluster.onNode("primary", false, async (tx) => {
          await tx.query(sql, params);
          // The row changes the capture trigger noted in this transaction are what its commit ships.
          const { rows } = await tx.query<Change & { seq: number }>("DELETE FROM changes RETURNING seq, op, id, author, body");
          return rows.sort((a, b) => a.seq - b.seq).map(({ op, id, author, body }) => ({ op, id, author, body }));
        });
        // Committed: only now does the transaction get its LSN and enter the stream.
        cluster.log.push({ lsn: cluster.log.length + 1, changes });
        return cluster.log.length;
      },
    };
    this.replicas = REPLICAS.map((name) => ({
      name,
      lsn: async () => (await this.onNode(name, true, (tx) => tx.query<{ lsn: number }>("SELECT lsn FROM replay_state"))).rows[0].lsn,
      query: (sql, params) => this.onNode(name, true, async (tx) => (await tx.query(sql, params)).rows as never),
    }));
  }

  // ---- what the tests drive: the replication stream and the network

  /**
   * The stream delivers every logged commit up to `upTo` (default: all) to the replica, from LSN 1,
   * in commit order, through applyCommit. An error stops the replay there and is rethrown: the
   * replica halts at its last good commit. A down replica receives nothing.
   */
  async catchUp(name: (typeof REPLICAS)[number], upTo = Number.POSITIVE_INFINITY): Promise<void> {
    if (this.unreachable.has(name)) return;
    for (const commit of this.log) {
      if (commit.lsn > upTo) break;
      await applyCommit(this.store(name), { lsn: commit.lsn, changes: commit.changes.map((c) => ({ ...c })) });
    }
  }

  /** The replica's own database, as applyCommit receives it. */
  store(name: (typeof REPLICAS)[number]): ReplicaStore {
    let inTransaction = false;
    return {
      query: (sql, params) => {
        // PGlite has one connection: a query outside the transaction would wait for it forever.
        if (inTransaction) return Promise.reject(new Error("store.query called inside store.transaction(...): use the `tx` the callback receives"));
        return this.onNode(name, false, async (tx) => (await tx.query(sql, params)).rows as never);
      },
      transaction: (fn) => {
        if (inTransaction) return Promise.reject(new Error("store.transaction(...) called inside another: use the `tx`"));
        inTransaction = true;
        return this.onNode(name, false, fn).finally(() => {
          inTransaction = false;
        });
      },
    };
  }

  /** The node stops answering (crash, or a network partition between it and the router). */
  down(name: NodeName): void {
    this.unreachable.add(name);
  }

  up(name: NodeName): void {
    this.unreachable.delete(name);
  }

  private reach(name: NodeName): void {
    if (this.unreachable.has(name)) throw new ClusterError("NODE_DOWN", name);
  }

  private onNode<T>(name: NodeName, readOnly: boolean, fn: (tx: Transaction) => Promise<T>): Promise<T> {
    const run = async () => {
      this.reach(name);
      return this.db.transaction(async (tx) => {
        if (readOnly) await tx.query("SET TRANSACTION READ ONLY");
        await tx.query(`SET LOCAL search_path TO ${schemaOf(name)}`);
        return fn(tx);
      });
    };
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => undefined);
    return result;
  }
}
