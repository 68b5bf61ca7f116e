import { Hono } from "hono";
// import { streamSSE } from "hono/streaming";

export interface FeedOptions {
  /** How many recent events (of all topics) are kept for clients that reconnect. */
  bufferSize: number;
  /** Sent as the stream's `retry:` field: how long EventSource waits before reconnecting. */
  retryMs: number;
  /** How often an idle stream gets a comment line, so proxies do not time it out. */
  heartbeatMs: number;
}

export interface FeedEvent {
  id: number;
  topic: string;
  data: string;
}

export interface Feed {
  app: Hono;
  /** Stores the event and pushes it to every connected client that asked for its topic; returns its id. */
  publish(topic: string, data: string): number;
  /** Clients connected right now. */
  readonly clients: number;
}

export function createFeed(options: FeedOptions): Feed {
  const app = new Hono();
  app.get("/events", (c) => {
    // TODO: 400 for a malformed Last-Event-ID, then streamSSE(c, async (stream) => { ... }):
    // the retry field, the replay (or a reset), live events for the asked topics, heartbeats,
    // and clean-up when the client goes away (stream.onAbort).
    return c.json({ error: { code: "NOT_IMPLEMENTED" } }, 501);
  });
  void options;

  return {
    app,
    publish(_topic, _data) {
      // TODO: number the event, keep it in a buffer of options.bufferSize, push it to listeners.
      throw new Error("not implemented");
    },
    get clients() {
      return 0;
    },
  };
}
