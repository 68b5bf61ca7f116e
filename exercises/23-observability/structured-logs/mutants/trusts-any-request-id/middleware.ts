import type { MiddlewareHandler } from "hono";
import type { Logger } from "./logger";

export type LogEnv = { Variables: { log: Logger; requestId: string } };

export interface RequestLoggerOptions {
  logger: Logger;
  /** Milliseconds; Date.now unless a test injects a clock. */
  now?: () => number;
}

export function requestLogger({ logger, now = Date.now }: RequestLoggerOptions): MiddlewareHandler<LogEnv> {
  return async (c, next) => {
    const incoming = c.req.header("X-Request-Id");
    const requestId = incoming !== undefined && incoming !== "" ? incoming : crypto.randomUUID();
    const log = logger.child({ request_id: requestId });
    c.set("requestId", requestId);
    c.set("log", log);
    c.header("X-Request-Id", requestId);

    const start = now();
    await next();
    const status = c.res.status;
    const fields = {
      method: c.req.method,
      route: c.req.routePath,
      status,
      duration_ms: now() - start,
      ...(c.error ? { err: c.error } : {}),
    };
    if (status >= 500) log.error("request", fields);
    else if (status >= 400) log.warn("request", fields);
    else log.info("request", fields);
  };
}
