import { z } from "zod";

const room = z.string().regex(/^[a-z0-9-]{1,32}$/);

/** What a client may send: one JSON object per text frame. */
export const clientMessage = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("join"), room }),
  z.strictObject({ type: z.literal("leave"), room }),
  z.strictObject({ type: z.literal("say"), room, text: z.string().min(1).max(500) }),
]);

export type ClientMessage = z.infer<typeof clientMessage>;

export type ErrorCode = "BAD_MESSAGE" | "NOT_IN_ROOM" | "ALREADY_IN_ROOM" | "RATE_LIMITED";

/** What the server sends. */
export type ServerMessage =
  | { type: "joined"; room: string; members: string[] }
  | { type: "left"; room: string }
  | { type: "presence"; room: string; user: string; status: "online" | "offline" }
  | { type: "message"; room: string; from: string; text: string; seq: number }
  | { type: "ack"; room: string; seq: number }
  | { type: "error"; code: ErrorCode };
