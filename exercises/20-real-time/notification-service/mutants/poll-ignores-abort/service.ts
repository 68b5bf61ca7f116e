import { Hono, type Context } from "hono";
import { streamSSE } from "hono/streaming";
import { z } from "zod";
import { NotificationStore, type Notification } from "./store";

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

const createBody = z.strictObject({ users: z.array(z.string().min(1)).min(1).max(1000), title: z.string().min(1).max(200) });
const readBody = z.strictObject({ ids: z.array(z.int().positive()).min(1) });
const digits = /^\d+$/;

const fail = (c: Context, status: 400 | 401, code: string) => c.json({ error: { code } }, status);

export function createService(options: ServiceOptions): Service {
  const store = new NotificationStore();
  const app = new Hono();

  app.use("*", async (c, next) => {
    if (!c.req.header("x-user")) return fail(c, 401, "UNAUTHENTICATED");
    await next();
  });
  // The middleware above guarantees the header.
  const userOf = (c: Context) => c.req.header("x-user")!;

  const page = (user: string, items: Notification[], cursor: number) => ({
    notifications: items,
    cursor: items.at(-1)?.id ?? cursor,
    unread: store.unread(user),
  });

  app.post("/notifications", async (c) => {
    const body = createBody.safeParse(await c.req.json().catch(() => undefined));
    if (!body.success) return fail(c, 400, "BAD_REQUEST");
    return c.json({ created: store.notify(body.data.users, body.data.title) }, 201);
  });

  app.get("/notifications", (c) => {
    const after = c.req.query("after") ?? "0";
    if (!digits.test(after)) return fail(c, 400, "BAD_CURSOR");
    const user = userOf(c);
    return c.json(page(user, store.after(user, Number(after), options.pageSize), Number(after)));
  });

  app.get("/notifications/poll", async (c) => {
    const after = c.req.query("after") ?? "0";
    const timeout = c.req.query("timeoutMs") ?? String(options.maxPollMs);
    if (!digits.test(after)) return fail(c, 400, "BAD_CURSOR");
    if (!digits.test(timeout) || Number(timeout) > options.maxPollMs) return fail(c, 400, "BAD_TIMEOUT");
    const user = userOf(c);
    const cursor = Number(after);
    const ready = store.after(user, cursor, options.pageSize);
    if (ready.length > 0) return c.json(page(user, ready, cursor));

    // Checking and subscribing happen in one synchronous step, so nothing slips in between.
    const items = await new Promise<Notification[]>((resolve) => {
      const signal = c.req.raw.signal;
      const done = (found: Notification[]) => {
        clearTimeout(timer);
        unsubscribe();
        signal.removeEventListener("abort", onAbort);
        resolve(found);
      };
      const onAbort = () => done([]);
      const timer = setTimeout(() => done([]), Number(timeout));
      const unsubscribe = store.subscribe({ user, onNotification: () => done(store.after(user, cursor, options.pageSize)), onRead() {} });
    });
    return c.json(page(user, items, cursor));
  });

  app.get("/notifications/stream", (c) => {
    const lastId = c.req.header("last-event-id") ?? "0";
    if (!digits.test(lastId)) return fail(c, 400, "BAD_CURSOR");
    const user = userOf(c);
    return streamSSE(c, async (stream) => {
      let chain: Promise<unknown> = Promise.resolve();
      const write = (message: { id?: string; event: string; data: string }) => {
        chain = chain.then(() => stream.writeSSE(message));
      };
      const notification = (n: Notification) => write({ id: String(n.id), event: "notification", data: JSON.stringify(n) });
      for (const n of store.after(user, Number(lastId))) notification(n);
      // A read receipt has no id: it must not move the client's Last-Event-ID.
      const unsubscribe = store.subscribe({ user, onNotification: notification, onRead: (ids) => write({ event: "read", data: JSON.stringify({ ids }) }) });
      await new Promise<void>((resolve) =>
        stream.onAbort(() => {
          unsubscribe();
          resolve();
        }),
      );
    });
  });

  app.post("/notifications/read", async (c) => {
    const body = readBody.safeParse(await c.req.json().catch(() => undefined));
    if (!body.success) return fail(c, 400, "BAD_REQUEST");
    const user = userOf(c);
    const read = store.markRead(user, body.data.ids);
    return c.json({ read, unread: store.unread(user) });
  });

  return {
    app,
    get listeners() {
      return store.listeners;
    },
  };
}
