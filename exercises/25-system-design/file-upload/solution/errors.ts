/** Read-only: the error codes the API answers with, and the HTTP status each maps to. */
export const errorStatus = {
  INVALID_BODY: 400,
  FILENAME_INVALID: 400,
  PART_NUMBER_INVALID: 400,
  PART_SIZE_INVALID: 400,
  PARTS_NOT_ASCENDING: 400,
  PART_MISSING: 400,
  ETAG_MISMATCH: 400,
  SIZE_MISMATCH: 400,
  SIGNATURE_INVALID: 403,
  URL_EXPIRED: 403,
  NOT_FOUND: 404,
  TOO_LARGE: 413,
  UNSUPPORTED_TYPE: 415,
  CONTENT_MISMATCH: 422,
} as const;

export type ErrorCode = keyof typeof errorStatus;

/** Throw one anywhere; the app turns it into `{ error: { code, message } }` with the mapped status. */
export class UploadError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "UploadError";
  }

  get status(): (typeof errorStatus)[ErrorCode] {
    return errorStatus[this.code];
  }
}
