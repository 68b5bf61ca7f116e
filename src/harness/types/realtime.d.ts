/**
 * What the editor knows about `@roadlab/realtime` (src/harness/realtime.ts, websocket.ts), for
 * Monaco as node_modules/@roadlab/realtime/index.d.ts.
 */
export interface EventSourceMessage {
  event?: string;
  id?: string;
  data: string;
}

/** Reads a text/event-stream Response until it ends, `count` events arrived or `until` matched. */
export function readSSE(response: Response, options?: { count?: number; until?: (event: EventSourceMessage) => boolean }): Promise<EventSourceMessage[]>;
/** The events one by one; leaving the loop cancels the stream. */
export function streamSSE(response: Response): AsyncGenerator<EventSourceMessage>;

export type Data = string | ArrayBuffer;

export interface CloseInfo {
  code: number;
  reason: string;
  wasClean: boolean;
}

/** The server's end of a socket, as a handler sees it (Hono's WSContext). */
export interface ServerSocket {
  send(data: string | ArrayBuffer | Uint8Array): void;
  close(code?: number, reason?: string): void;
  readonly readyState: 0 | 1 | 2 | 3;
  /** Bytes sent that the client has not read yet. */
  readonly bufferedAmount: number;
  readonly url: URL;
  readonly protocol: string;
}

/** Hono's upgradeWebSocket events. */
export interface WebSocketHandler {
  onOpen?(event: Event, ws: ServerSocket): void | Promise<void>;
  onMessage?(event: MessageEvent<Data>, ws: ServerSocket): void | Promise<void>;
  onClose?(event: CloseInfo, ws: ServerSocket): void | Promise<void>;
  onError?(event: Event, ws: ServerSocket): void | Promise<void>;
}

export interface TestSocket {
  send(data: string | ArrayBuffer | Uint8Array): void;
  /** The code must be 1000 or 3000–4999, as in a browser. */
  close(code?: number, reason?: string): void;
  /** The next unread message; rejects if the socket closes first. */
  nextMessage(): Promise<Data>;
  readonly received: readonly Data[];
  readonly unread: number;
  readonly readyState: 0 | 1 | 2 | 3;
  readonly closed: Promise<CloseInfo>;
  /** What the handler threw; the socket then closes with 1011. */
  readonly errors: readonly unknown[];
}

/** Opens a socket to `handler`; its onOpen has run when this resolves. */
export function connectWebSocket(handler: WebSocketHandler, options?: { url?: string; protocol?: string }): Promise<TestSocket>;
