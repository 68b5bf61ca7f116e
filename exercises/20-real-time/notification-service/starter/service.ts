import { Hono } from "hono";
// import { streamSSE } from "hono/streaming";
// import { z } from "zod";
import { NotificationStore } from "./store";

export interface ServiceOptions {
  /** Most notifications in one poll answer. */
  pageSize: number;
  /** Longest a long poll may be held. */
  maxPollMs: number;
}

export interface Service {
  app: Hono;
  /** Long polls being held plus event streams open, right now. */
  readonly listeners: number;
}

export function createService(options: ServiceOptions): Service {
  const store = new NotificationStore();
  const app = new Hono();
  void options;

  // TODO: X-User on every route (401 UNAUTHENTICATED), then
  //   POST /notifications            fan-out
  //   GET  /notifications?after=     short poll
  //   GET  /notifications/poll       long poll (after, timeoutMs)
  //   GET  /notifications/stream     Server-Sent Events from Last-Event-ID
  //   POST /notifications/read       read receipts
  app.all("*", (c) => c.json({ error: { code: "NOT_IMPLEMENTED" } }, 501));

  return {
    app,
    get listeners() {
      return store.listeners;
    },
  };
}
