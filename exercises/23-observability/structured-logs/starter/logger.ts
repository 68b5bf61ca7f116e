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

export function createLogger(options: LoggerOptions): Logger {
  // TODO: one JSON line per event: { time (ISO, from options.now), level, msg, ...context, ...fields },
  // dropped below options.level; secret keys redacted at any depth; Errors as { name, message, stack };
  // child(bindings) returns a new logger with the merged context.
  void options;
  throw new Error("createLogger is not implemented yet");
}
