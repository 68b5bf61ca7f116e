/**
 * A WebSocket a test opens against a learner's handler, with no network in between. The handler
 * has Hono's `upgradeWebSocket` shape — `{ onOpen, onMessage, onClose, onError }`, each given the
 * event and the server's end of the socket — so the same object serves a real Hono app.
 *
 * Delivery is asynchronous (a microtask), as on a real socket, but uses no timers: fake timers do
 * not change it. Messages the test has not read yet count in the server's `bufferedAmount`, so a
 * handler that must slow down for a slow client can be tested: read fewer, watch it hold back.
 */
export type Data = string | ArrayBuffer;

export interface CloseInfo {
  code: number;
  reason: string;
  wasClean: boolean;
}

/** The server's end, as a handler sees it (Hono's WSContext). */
export interface ServerSocket {
  send(data: string | ArrayBuffer | Uint8Array): void;
  close(code?: number, reason?: string): void;
  /** 0 connecting, 1 open, 2 closing, 3 closed — WebSocket's constants. */
  readonly readyState: 0 | 1 | 2 | 3;
  /** Bytes sent that the client has not read yet. */
  readonly bufferedAmount: number;
  readonly url: URL;
  readonly protocol: string;
}

export interface WebSocketHandler {
  onOpen?(event: Event, ws: ServerSocket): void | Promise<void>;
  onMessage?(event: MessageEvent<Data>, ws: ServerSocket): void | Promise<void>;
  onClose?(event: CloseInfo, ws: ServerSocket): void | Promise<void>;
  onError?(event: Event, ws: ServerSocket): void | Promise<void>;
}

/** The test's end. */
export interface TestSocket {
  send(data: string | ArrayBuffer | Uint8Array): void;
  /** Starts the closing handshake; the code must be 1000 or 3000–4999, as in a browser. */
  close(code?: number, reason?: string): void;
  /** The next unread message; rejects if the socket closes first. */
  nextMessage(): Promise<Data>;
  /** Every message received so far, read or not. */
  readonly received: readonly Data[];
  /** Messages received and not read by `nextMessage()` yet. */
  readonly unread: number;
  readonly readyState: 0 | 1 | 2 | 3;
  /** Settles when the socket is closed, by either side. */
  readonly closed: Promise<CloseInfo>;
  /** What the handler threw; the socket then closes with 1011. */
  readonly errors: readonly unknown[];
}

const byteLength = (data: Data) => (typeof data === "string" ? new TextEncoder().encode(data).length : data.byteLength);
const toData = (data: string | ArrayBuffer | Uint8Array): Data =>
  typeof data === "string" ? data : data instanceof ArrayBuffer ? data.slice(0) : new Uint8Array(data).buffer;

function checkReason(reason: string) {
  if (new TextEncoder().encode(reason).length > 123) throw new DOMException("close reason must be at most 123 bytes", "SyntaxError");
}

/** Opens a socket to `handler` (onOpen has run when this resolves). */
export async function connectWebSocket(handler: WebSocketHandler, options: { url?: string; protocol?: string } = {}): Promise<TestSocket> {
  const url = new URL(options.url ?? "ws://service/");
  let state: 0 | 1 | 2 | 3 = 0;
  const received: Data[] = [];
  const queue: Data[] = [];
  const waiters: { resolve: (d: Data) => void; reject: (e: Error) => void }[] = [];
  const errors: unknown[] = [];
  let settle!: (info: CloseInfo) => void;
  const closed = new Promise<CloseInfo>((resolve) => (settle = resolve));
  let closeInfo: CloseInfo | undefined;

  const call = async (name: keyof WebSocketHandler, event: unknown) => {
    try {
      await (handler[name] as ((e: unknown, ws: ServerSocket) => unknown) | undefined)?.call(handler, event, server);
    } catch (error) {
      errors.push(error);
      if (name !== "onClose") finish({ code: 1011, reason: "handler threw", wasClean: false });
    }
  };

  function finish(info: CloseInfo) {
    if (state === 3) return;
    state = 3;
    closeInfo = info;
    settle(info);
    for (const waiter of waiters.splice(0)) waiter.reject(new Error(`socket closed (code ${info.code}) before a message arrived`));
    void call("onClose", info);
  }

  const server: ServerSocket = {
    send(data) {
      if (state !== 1) return; // as on a closing socket: the data goes nowhere
      const message = toData(data);
      received.push(message);
      const waiter = waiters.shift();
      if (waiter) queueMicrotask(() => waiter.resolve(message));
      else queue.push(message);
    },
    close(code = 1000, reason = "") {
      const allowed = (code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1014) || (code >= 3000 && code <= 4999);
      if (!Number.isInteger(code) || !allowed) throw new RangeError(`ws.close(${code}): not a close code a server may send (1000–1003, 1007–1014, 3000–4999)`);
      checkReason(reason);
      if (state !== 1) return;
      state = 2;
      queueMicrotask(() => finish({ code, reason, wasClean: true }));
    },
    get readyState() {
      return state;
    },
    get bufferedAmount() {
      return queue.reduce((sum, data) => sum + byteLength(data), 0);
    },
    url,
    protocol: options.protocol ?? "",
  };

  const client: TestSocket = {
    send(data) {
      if (state === 0) throw new DOMException("WebSocket is still connecting", "InvalidStateError");
      if (state !== 1) return;
      const message = toData(data);
      queueMicrotask(() => {
        if (state === 1) void call("onMessage", new MessageEvent("message", { data: message }));
      });
    },
    close(code = 1000, reason = "") {
      if (!Number.isInteger(code) || (code !== 1000 && (code < 3000 || code > 4999))) {
        throw new DOMException(`close(${code}): the code must be 1000 or between 3000 and 4999`, "InvalidAccessError");
      }
      checkReason(reason);
      if (state !== 1) return;
      state = 2;
      queueMicrotask(() => finish({ code, reason, wasClean: true }));
    },
    nextMessage() {
      const message = queue.shift();
      if (message !== undefined) return Promise.resolve(message);
      if (closeInfo) return Promise.reject(new Error(`socket closed (code ${closeInfo.code}) before a message arrived`));
      return new Promise((resolve, reject) => waiters.push({ resolve, reject }));
    },
    received,
    get unread() {
      return queue.length;
    },
    get readyState() {
      return state;
    },
    closed,
    errors,
  };

  state = 1;
  await call("onOpen", new Event("open"));
  return client;
}
