export type LibraryErrorCode =
  | "INVALID"
  | "DUPLICATE"
  | "UNKNOWN_BOOK"
  | "UNKNOWN_MEMBER"
  | "NO_COPY_LEFT"
  | "LIMIT_REACHED"
  | "HAS_OVERDUE"
  | "ALREADY_BORROWED"
  | "NOT_BORROWED"
  | "UNKNOWN_COMMAND";

/** Every refusal of the desk, with a code a caller (or a test) can branch on. */
export class LibraryError extends Error {
  constructor(readonly code: LibraryErrorCode, message: string) {
    super(message);
    this.name = "LibraryError";
  }
}
