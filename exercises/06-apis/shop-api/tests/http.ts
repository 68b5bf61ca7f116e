import type { Db } from "@roadlab/db";
import { createApp } from "../app";

export interface Exchange {
  status: number;
  headers: Headers;
  /** The parsed JSON body, or null for an empty one. */
  body: any;
  text: string;
}

/** Sends one request to a fresh app over `db`; a JSON `body` is sent as application/json. */
export async function send(db: Db, method: string, path: string, body?: unknown): Promise<Exchange> {
  const init: RequestInit = { method };
  if (body !== undefined) {
    init.body = typeof body === "string" ? body : JSON.stringify(body);
    init.headers = { "content-type": "application/json" };
  }
  const res = await createApp(db).request(path, init);
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, body: text === "" ? null : JSON.parse(text) };
}
