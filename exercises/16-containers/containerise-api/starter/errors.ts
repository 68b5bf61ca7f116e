// Read-only: the error start-order.ts throws.
export type ComposeErrorCode = "UNKNOWN_SERVICE" | "DEPENDENCY_CYCLE";

export class ComposeError extends Error {
  constructor(
    readonly code: ComposeErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "ComposeError";
  }
}
