export type Level = "debug" | "info" | "warn" | "error";
export type Fields = Record<string, unknown>;
/** Where finished lines go: an array collects them, a function receives each one. */
export type Sink = string[] | ((line: string) => void);

export interface LoggerOptions {
  /** The lowest level that is written; anything below it is dropped. */
  level: Level;
  sink: Sink;
  /** Milliseconds since the epoch; Date.now unless a test injects a clock. */
  now?: () => number;
}

export interface Logger {
  debug(msg: string, fields?: Fields): void;
  info(msg: string, fields?: Fields): void;
  warn(msg: string, fields?: Fields): void;
  error(msg: string, fields?: Fields): void;
  /** A logger that adds `bindings` to every line it writes; this logger is left as it is. */
  child(bindings: Fields): Logger;
}

const rank: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };
const SECRET = /password|authorization|token|cookie|secret/i;
const REDACTED = "[REDACTED]";

/** A copy of `value` that is safe to write: secrets hidden, Errors made readable. Never mutates. */
function sanitize(value: unknown): unknown {
  if (value instanceof Error) {
    const out: Fields = { name: value.name, message: value.message };
    if (value.stack !== undefined) out.stack = value.stack;
    return out;
  }
  if (Array.isArray(value)) return value.map(sanitize);
  if (value !== null && typeof value === "object") {
    const out: Fields = {};
    for (const [key, v] of Object.entries(value)) out[key] = SECRET.test(key) ? REDACTED : sanitize(v);
    return out;
  }
  return value;
}

export function createLogger(options: LoggerOptions, context: Fields = {}): Logger {
  const now = options.now ?? Date.now;
  const { sink } = options;
  const write = (level: Level, msg: string, fields: Fields = {}) => {
    if (rank[level] < rank[options.level]) return;
    // Bound context first, call fields over it, and the three fixed keys last so nothing can fake them.
    const body = sanitize({ ...context, ...fields }) as Fields;
    const line = JSON.stringify({ ...body, time: new Date(now()).toISOString(), level, msg });
    if (Array.isArray(sink)) sink.push(line);
    else sink(line);
  };
  return {
    debug: (msg, fields) => write("debug", msg, fields),
    info: (msg, fields) => write("info", msg, fields),
    warn: (msg, fields) => write("warn", msg, fields),
    error: (msg, fields) => write("error", msg, fields),
    child: (bindings) => createLogger(options, { ...context, ...bindings }),
  };
}
