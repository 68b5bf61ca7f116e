/** Why one variable was refused. */
export type IssueCode =
  | "MISSING" // required and absent (or empty)
  | "INVALID_PORT" // not a whole number from 1 to 65535
  | "INVALID_URL" // not a URL of the expected kind
  | "INVALID_BOOLEAN" // not one of true, false, 1, 0
  | "INVALID_CHOICE" // not one of the allowed words
  | "TOO_SHORT"; // a secret shorter than its minimum

export interface ConfigIssue {
  /** The environment variable's name, e.g. "PORT". */
  variable: string;
  code: IssueCode;
}

/** Thrown once, listing every bad variable. Never carries a value: values may be secrets. */
export class ConfigError extends Error {
  readonly code = "BAD_CONFIG";
  constructor(readonly issues: ConfigIssue[]) {
    super(`bad configuration: ${issues.map((issue) => `${issue.variable} ${issue.code}`).join(", ")}`);
    this.name = "ConfigError";
  }
}
