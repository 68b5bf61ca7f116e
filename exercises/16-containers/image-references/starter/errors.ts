// Read-only: the error reference.ts throws.
export type ImageRefErrorCode = "EMPTY_REFERENCE" | "INVALID_FORMAT" | "UPPERCASE_NAME" | "NAME_TOO_LONG" | "INVALID_DIGEST";

export class ImageRefError extends Error {
  constructor(
    readonly code: ImageRefErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "ImageRefError";
  }
}
