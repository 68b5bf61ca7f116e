// Read-only: the error build.ts throws.
export type BuildErrorCode = "NO_FROM" | "UNKNOWN_INSTRUCTION" | "UNSUPPORTED" | "MISSING_SOURCE";

export class BuildError extends Error {
  constructor(
    readonly code: BuildErrorCode,
    /** The 1-based line of the instruction at fault. */
    readonly line: number,
    message: string,
  ) {
    super(message);
    this.name = "BuildError";
  }
}
