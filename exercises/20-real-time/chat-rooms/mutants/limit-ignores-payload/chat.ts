import type { ServerSocket, WebSocketHandler } from "@roadlab/realtime";
import { clientMessage, type ErrorCode, type ServerMessage } from "./protocol";

export interface ChatOptions {
  /** A client with more unread bytes than this is disconnected. */
  maxBufferedBytes: number;
  /** At most `messages` frames per connection in any `windowMs`. */
  rateLimit: { messages: number; windowMs: number };
  /** The clock; Date.now by default. */
  now?: () => number;
}

interface Member {
  user: string;
  rooms: Set<string>;
  /** When this connection's accepted frames arrived, oldest first. */
  accepted: number[];
}

export function chatServer(options: ChatOptions): WebSocketHandler {
  const now = options.now ?? Date.now;
  const members = new Map<ServerSocket, Member>();
  const rooms = new Map<string, Set<ServerSocket>>();
  const seqs = new Map<string, number>();
  const encoder = new TextEncoder();

  function send(ws: ServerSocket, message: ServerMessage) {
    if (ws.readyState !== 1) return;
    const text = JSON.stringify(message);
    // A reader that cannot keep up is cut off rather than allowed to grow our memory.
    if (ws.bufferedAmount > options.maxBufferedBytes) {
      ws.close(1008, "slow consumer");
      return;
    }
    ws.send(text);
  }

  const error = (ws: ServerSocket, code: ErrorCode) => send(ws, { type: "error", code });

  function broadcast(room: string, except: ServerSocket, message: ServerMessage) {
    for (const other of rooms.get(room) ?? []) if (other !== except) send(other, message);
  }

  function leave(ws: ServerSocket, member: Member, room: string) {
    member.rooms.delete(room);
    const sockets = rooms.get(room)!;
    sockets.delete(ws);
    if (sockets.size === 0) rooms.delete(room);
    broadcast(room, ws, { type: "presence", room, user: member.user, status: "offline" });
  }

  return {
    onOpen(_event, ws) {
      const user = ws.url.searchParams.get("user");
      if (!user) return ws.close(1008, "user required");
      members.set(ws, { user, rooms: new Set(), accepted: [] });
    },

    onMessage(event, ws) {
      const member = members.get(ws);
      if (!member) return;
      if (typeof event.data !== "string") return ws.close(1003, "text frames only");

      const t = now();
      while (member.accepted.length > 0 && t - member.accepted[0] >= options.rateLimit.windowMs) member.accepted.shift();
      if (member.accepted.length >= options.rateLimit.messages) return error(ws, "RATE_LIMITED");
      member.accepted.push(t);

      let json: unknown;
      try {
        json = JSON.parse(event.data);
      } catch {
        return error(ws, "BAD_MESSAGE");
      }
      const parsed = clientMessage.safeParse(json);
      if (!parsed.success) return error(ws, "BAD_MESSAGE");
      const message = parsed.data;
      const { room } = message;

      if (message.type === "join") {
        if (member.rooms.has(room)) return error(ws, "ALREADY_IN_ROOM");
        member.rooms.add(room);
        const sockets = rooms.get(room) ?? new Set();
        rooms.set(room, sockets.add(ws));
        const names = [...sockets].map((s) => members.get(s)!.user).sort();
        send(ws, { type: "joined", room, members: names });
        broadcast(room, ws, { type: "presence", room, user: member.user, status: "online" });
        return;
      }
      if (!member.rooms.has(room)) return error(ws, "NOT_IN_ROOM");
      if (message.type === "leave") {
        leave(ws, member, room);
        return send(ws, { type: "left", room });
      }
      const seq = (seqs.get(room) ?? 0) + 1;
      seqs.set(room, seq);
      broadcast(room, ws, { type: "message", room, from: member.user, text: message.text, seq });
      send(ws, { type: "ack", room, seq });
    },

    onClose(_event, ws) {
      const member = members.get(ws);
      if (!member) return;
      members.delete(ws);
      for (const room of [...member.rooms]) leave(ws, member, room);
    },
  };
}
