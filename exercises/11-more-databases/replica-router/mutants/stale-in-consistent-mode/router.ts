import { ClusterError, type Cluster, type Node, type NodeName } from "./cluster";

export type RouterErrorCode = "BAD_OPTIONS" | "PRIMARY_UNAVAILABLE" | "UNAVAILABLE";

export class RouterError extends Error {
  constructor(readonly code: RouterErrorCode, message: string = code) {
    super(message);
    this.name = "RouterError";
  }
}

export interface RouterOptions {
  /** How many commits a replica may be behind the primary and still serve reads (an integer ≥ 0). */
  maxLag: number;
  /** When the primary cannot be reached: "consistent" refuses reads, "available" serves them from a replica, flagged stale. */
  mode: "consistent" | "available";
}

export interface ReadResult<T> {
  rows: T[];
  /** The node that answered. */
  node: NodeName;
  /** True when the answer came without the lag bound checked (the primary was unreachable). */
  stale: boolean;
}

/** The LSN of a node, or undefined when it is unreachable. */
async function lsnOf(node: Node): Promise<number | undefined> {
  try {
    return await node.lsn();
  } catch (error) {
    if (error instanceof ClusterError) return undefined;
    throw error;
  }
}

export class Session {
  #token: number;

  constructor(
    private readonly cluster: Cluster,
    private readonly options: RouterOptions,
    token: number,
  ) {
    this.#token = token;
  }

  /** The highest LSN this session has written or read: pass it to router.session() to carry on elsewhere. */
  get token(): number {
    return this.#token;
  }

  async write(sql: string, params?: unknown[]): Promise<{ lsn: number }> {
    let lsn: number;
    try {
      lsn = await this.cluster.primary.write(sql, params);
    } catch (error) {
      if (error instanceof ClusterError) throw new RouterError("PRIMARY_UNAVAILABLE");
      throw error;
    }
    this.#token = Math.max(this.#token, lsn);
    return { lsn };
  }

  async read<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<ReadResult<T>> {
    const replicas: { node: Node; lsn: number }[] = [];
    for (const node of this.cluster.replicas) {
      const lsn = await lsnOf(node);
      if (lsn !== undefined) replicas.push({ node, lsn });
    }
    // The most caught-up replica first; a stable sort keeps the listed order for ties.
    replicas.sort((a, b) => b.lsn - a.lsn);

    const primaryLsn = await lsnOf(this.cluster.primary);
    if (primaryLsn === undefined) {
      // Partitioned from the primary: no way to know how far behind a replica is.
      const best = replicas.find((r) => r.lsn >= this.#token);
      if (!best) throw new RouterError("UNAVAILABLE");
      return this.answer<T>(best.node, best.lsn, true, sql, params);
    }

    const fresh = replicas.find((r) => r.lsn >= this.#token && primaryLsn - r.lsn <= this.options.maxLag);
    if (fresh) return this.answer<T>(fresh.node, fresh.lsn, false, sql, params);
    return this.answer<T>(this.cluster.primary, primaryLsn, false, sql, params);
  }

  private async answer<T>(node: Node, lsn: number, stale: boolean, sql: string, params?: unknown[]): Promise<ReadResult<T>> {
    const rows = await node.query<T>(sql, params);
    // Monotonic reads: never accept an older view after this one.
    this.#token = Math.max(this.#token, lsn);
    return { rows, node: node.name, stale };
  }
}

export class Router {
  constructor(
    private readonly cluster: Cluster,
    private readonly options: RouterOptions,
  ) {
    if (!Number.isInteger(options?.maxLag) || options.maxLag < 0) throw new RouterError("BAD_OPTIONS", `maxLag must be an integer ≥ 0, got ${options?.maxLag}`);
    if (options.mode !== "consistent" && options.mode !== "available") throw new RouterError("BAD_OPTIONS", `mode must be "consistent" or "available", got ${options.mode}`);
  }

  /** A new session; pass a token from an earlier session to keep its guarantees. */
  session(token = 0): Session {
    return new Session(this.cluster, this.options, token);
  }
}
