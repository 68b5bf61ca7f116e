import { z } from "zod";

/** What a client may send: one JSON object per text frame. */
export type ClientMessage =
  | { type: "join"; room: string }
  | { type: "leave"; room: string }
  | { type: "say"; room: string; text: string };

// TODO: a zod schema for ClientMessage, as strict as the README says: room names, text length,
// no fields beyond those listed (z.discriminatedUnion and z.strictObject are the tools).
export const clientMessage: z.ZodType<ClientMessage> = z.never();

export type ErrorCode = "BAD_MESSAGE" | "NOT_IN_ROOM" | "ALREADY_IN_ROOM" | "RATE_LIMITED";

/** What the server sends. */
export type ServerMessage =
  | { type: "joined"; room: string; members: string[] }
  | { type: "left"; room: string }
  | { type: "presence"; room: string; user: string; status: "online" | "offline" }
  | { type: "message"; room: string; from: string; text: string; seq: number }
  | { type: "ack"; room: string; seq: number }
  | { type: "error"; code: ErrorCode };
