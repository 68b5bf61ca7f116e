import type { ServerSocket, WebSocketHandler } from "@roadlab/realtime";
import { clientMessage, type ServerMessage } from "./protocol";

export interface ChatOptions {
  /** A client with more unread bytes than this is disconnected. */
  maxBufferedBytes: number;
  /** At most `messages` frames per connection in any `windowMs`. */
  rateLimit: { messages: number; windowMs: number };
  /** The clock; Date.now by default. */
  now?: () => number;
}

export function chatServer(options: ChatOptions): WebSocketHandler {
  // TODO: who is connected (ws → user, rooms, rate-limit log), who is in each room, each room's seq.
  const send = (ws: ServerSocket, message: ServerMessage) => {
    // TODO: the backpressure check before every send
    ws.send(JSON.stringify(message));
  };
  void options;
  void clientMessage;
  void send;

  return {
    onOpen(_event, _ws) {
      // TODO: the user from ws.url's ?user= parameter, or close with 1008
    },
    onMessage(_event, _ws) {
      // TODO: binary → 1003; rate limit; JSON.parse and clientMessage.safeParse; join, leave, say
      throw new Error("not implemented");
    },
    onClose(_event, _ws) {
      // TODO: offline presence in every room the member was in
    },
  };
}
