export type ReleaseErrorCode = "INVALID_VERSION" | "INVALID_SHA" | "UNSUPPORTED_REF";

/** Thrown by version.ts and tags.ts; callers branch on `code`. */
export class ReleaseError extends Error {
  constructor(readonly code: ReleaseErrorCode, message: string) {
    super(message);
    this.name = "ReleaseError";
  }
}
