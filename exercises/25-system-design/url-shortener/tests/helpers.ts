import type { Db } from "@roadlab/db";
import type { Redis } from "@roadlab/redis";
import { createApp } from "../app";

/** A Db that counts statements, by their first word. */
export function countingDb(inner: Db) {
  const counts = { total: 0, byVerb: {} as Record<string, number> };
  const count = (sql: string) => {
    counts.total++;
    const verb = sql.trim().split(/\s+/)[0]!.toUpperCase();
    counts.byVerb[verb] = (counts.byVerb[verb] ?? 0) + 1;
  };
  const db: Db = {
    query: (sql, params) => {
      count(sql);
      return inner.query(sql, params);
    },
    exec: (sql) => {
      count(sql);
      return inner.exec(sql);
    },
    transaction: (fn) => {
      count("TRANSACTION");
      return inner.transaction(fn);
    },
  };
  const reset = () => {
    counts.total = 0;
    counts.byVerb = {};
  };
  return { db, counts, reset };
}

/** The app on a clock the test moves by hand; `send` returns status, headers and the parsed body. */
export function harness(db: Db, redis: Redis, start = "2026-06-01T12:00:00.000Z") {
  const clock = { now: new Date(start) };
  const app = createApp({ db, redis, baseUrl: "https://sho.rt", now: () => new Date(clock.now) });
  async function send(method: string, path: string, body?: unknown, owner?: string) {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers["content-type"] = "application/json";
    if (owner !== undefined) headers["x-owner"] = owner;
    const res = await app.request(path, {
      method,
      headers,
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
      redirect: "manual",
    });
    const text = await res.text();
    let json: any;
    try {
      json = text === "" ? undefined : JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: res.status, headers: res.headers, body: json };
  }
  const advance = (seconds: number) => {
    clock.now = new Date(clock.now.getTime() + seconds * 1000);
  };
  const inSeconds = (seconds: number) => new Date(clock.now.getTime() + seconds * 1000).toISOString();
  return { app, send, clock, advance, inSeconds };
}
