/**
 * Type-checked by `tsc -p .`, never run: the editor's declarations beside this file must describe
 * what the helpers really provide, or this file stops compiling.
 */
import type * as Declared from "./mongo";
import type * as DeclaredNet from "./net";
import type * as DeclaredRealtime from "./realtime";
import type * as DeclaredRedis from "./redis";
import type { createMongo } from "../mongo";
import type { createNetwork } from "../net";
import type { connectWebSocket, readSSE, streamSSE } from "../realtime";
import type { createRedis } from "../redis";

type Assignable<From, To> = [From] extends [To] ? true : never;
export const checks: [
  Assignable<typeof createMongo, typeof Declared.createMongo>,
  Assignable<typeof createNetwork, typeof DeclaredNet.createNetwork>,
  Assignable<typeof readSSE, typeof DeclaredRealtime.readSSE>,
  Assignable<typeof streamSSE, typeof DeclaredRealtime.streamSSE>,
  Assignable<typeof connectWebSocket, typeof DeclaredRealtime.connectWebSocket>,
  Assignable<typeof createRedis, typeof DeclaredRedis.createRedis>,
] = [true, true, true, true, true, true];
