import type { MiddlewareHandler } from "hono";
import type { Logger } from "./logger";

export type LogEnv = { Variables: { log: Logger; requestId: string } };

export interface RequestLoggerOptions {
  logger: Logger;
  /** Milliseconds; Date.now unless a test injects a clock. */
  now?: () => number;
}

// The same rule as hono/request-id: word characters, '-' and '=', at most 255 of them.
const WELL_FORMED = /^[\w\-=]{1,255}$/;

export function requestLogger({ logger, now = Date.now }: RequestLoggerOptions): MiddlewareHandler<LogEnv> {
  return async (c, next) => {
    const incoming = c.req.header("X-Request-Id");
    const requestId = incoming !== undefined && WELL_FORMED.test(incoming) ? incoming : crypto.randomUUID();
    const log = logger.child({ request_id: requestId });
    c.set("requestId", requestId);
    c.set("log", log);
    c.header("X-Request-Id", requestId);

    const start = now();
    let err: unknown;
    try {
      await next();
    } catch (e) {
      err = e;
      throw e;
    }
    const status = c.res.status;
    const fields = {
      method: c.req.method,
      route: c.req.routePath,
      status,
      duration_ms: now() - start,
      ...(err ? { err } : {}),
    };
    if (status >= 500) log.error("request", fields);
    else if (status >= 400) log.warn("request", fields);
    else log.info("request", fields);
  };
}
