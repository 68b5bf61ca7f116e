import { Hono } from "hono";
import { streamSSE } from "hono/streaming";

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
  const buffer: FeedEvent[] = [];
  const listeners = new Set<(event: FeedEvent) => void>();
  let lastId = 0;

  const app = new Hono();
  app.get("/events", (c) => {
    const header = c.req.header("last-event-id");
    if (header !== undefined && !/^\d+$/.test(header)) {
      return c.json({ error: { code: "BAD_LAST_EVENT_ID" } }, 400);
    }
    const topicsParam = c.req.query("topics");
    const topics = topicsParam === undefined ? undefined : new Set(topicsParam.split(",").filter(Boolean));
    const wanted = (event: FeedEvent) => !topics || topics.has(event.topic);
    c.header("X-Accel-Buffering", "no");

    return streamSSE(c, async (stream) => {
      // Every write goes through one chain, so replayed, live and heartbeat lines never interleave.
      let chain: Promise<unknown> = stream.write(`retry: ${options.retryMs}\n\n`);
      const send = (event: FeedEvent) => {
        chain = chain.then(() => stream.writeSSE({ id: String(event.id), event: event.topic, data: event.data }));
      };

      // Decide what to replay and subscribe in the same synchronous step: nothing published in
      // between can be lost or sent twice.
      if (header !== undefined) {
        const since = Number(header);
        const oldest = buffer[0]?.id ?? lastId + 1;
        if (since > lastId || since + 1 < oldest) {
          const latest = String(lastId);
          chain = chain.then(() => stream.writeSSE({ id: latest, event: "reset", data: latest }));
        } else {
          for (const event of buffer) if (event.id > since) send(event);
        }
      }
      const listener = (event: FeedEvent) => {
        if (wanted(event)) send(event);
      };
      listeners.add(listener);
      const heartbeat = setInterval(() => {
        chain = chain.then(() => stream.write(": heartbeat\n\n"));
      }, options.heartbeatMs);

      await new Promise<void>((resolve) =>
        stream.onAbort(() => {
          listeners.delete(listener);
          clearInterval(heartbeat);
          resolve();
        }),
      );
    });
  });

  return {
    app,
    publish(topic, data) {
      const event = { id: ++lastId, topic, data };
      buffer.push(event);
      if (buffer.length > options.bufferSize) buffer.shift();
      for (const listener of listeners) listener(event);
      return event.id;
    },
    get clients() {
      return listeners.size;
    },
  };
}
