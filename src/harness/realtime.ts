/**
 * `@roadlab/realtime` — real-time endpoints as a client sees them.
 *
 *   const events = await readSSE(await app.request("/feed"), { count: 3 });   // Hono's streamSSE
 *   const socket = await connectWebSocket(chatHandler());                    // a WebSocket handler
 *
 * Server-Sent Events are parsed by eventsource-parser, as EventSource would; the WebSocket side
 * is in ./websocket.
 */
import { EventSourceParserStream, type EventSourceMessage } from "eventsource-parser/stream";

export type { EventSourceMessage };
export { connectWebSocket, type CloseInfo, type ServerSocket, type TestSocket, type WebSocketHandler } from "./websocket";

export interface ReadSSEOptions {
  /** Stop after this many events and cancel the stream (the server sees the client go away). */
  count?: number;
  /** Stop at the first event for which this returns true (that event included). */
  until?: (event: EventSourceMessage) => boolean;
}

/** Events of a `text/event-stream` response, one by one; leaving the loop cancels the stream. */
export async function* streamSSE(response: Response): AsyncGenerator<EventSourceMessage> {
  const type = response.headers.get("content-type") ?? "";
  if (!type.startsWith("text/event-stream")) {
    throw new TypeError(`readSSE: expected content-type text/event-stream, got "${type || "none"}" (status ${response.status})`);
  }
  if (!response.body) return;
  const reader = response.body.pipeThrough(new TextDecoderStream()).pipeThrough(new EventSourceParserStream()).getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
}

/** Reads events until the stream ends, `count` arrived or `until` matched. */
export async function readSSE(response: Response, options: ReadSSEOptions = {}): Promise<EventSourceMessage[]> {
  const events: EventSourceMessage[] = [];
  if (options.count === 0) return events;
  for await (const event of streamSSE(response)) {
    events.push(event);
    if (events.length === options.count || options.until?.(event)) break;
  }
  return events;
}
