import type { Cluster, NodeName } from "./cluster";

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

export class Session {
  constructor(
    private readonly cluster: Cluster,
    private readonly options: RouterOptions,
    private readonly initialToken: number,
  ) {}

  /** The highest LSN this session has written or read: pass it to router.session() to carry on elsewhere. */
  get token(): number {
    // TODO: track it in write() and read().
    return this.initialToken;
  }

  async write(sql: string, params?: unknown[]): Promise<{ lsn: number }> {
    // TODO: to the primary; a ClusterError becomes RouterError PRIMARY_UNAVAILABLE; remember the LSN.
    void this.cluster;
    void [sql, params];
    throw new Error("not implemented: Session.write");
  }

  async read<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<ReadResult<T>> {
    // TODO: pick a replica that has the session's token and is within options.maxLag of the
    // primary (the most caught-up; the first listed on a tie), else the primary; when the primary
    // is unreachable, follow options.mode (see the README).
    void this.options;
    void [sql, params];
    throw new Error("not implemented: Session.read");
  }
}

export class Router {
  constructor(
    private readonly cluster: Cluster,
    private readonly options: RouterOptions,
  ) {
    // TODO: validate options (RouterError BAD_OPTIONS).
  }

  /** A new session; pass a token from an earlier session to keep its guarantees. */
  session(token = 0): Session {
    return new Session(this.cluster, this.options, token);
  }
}
