export type Transport = "sse" | "long-poll" | "short-poll";

export interface ClientSituation {
  /** Whether the client has EventSource (or a fetch that can read a streamed body). */
  eventSource: boolean;
  /** Transports that already failed for this client, in this session. */
  failed: readonly Transport[];
}

/** The best transport left: SSE, then long polling, then short polling, which always works. */
export function chooseTransport(_client: ClientSituation): Transport {
  throw new Error("not implemented");
}
