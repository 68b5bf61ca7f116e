export interface CliOptions {
  runtime: "node" | "browser";
  json: boolean;
  timeoutMs?: number;
  files?: string;
}

/** Bad usage or bad input: printed as one line, exit code 2, no stack trace. */
export class UsageError extends Error {}
