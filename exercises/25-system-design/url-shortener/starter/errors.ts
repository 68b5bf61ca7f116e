/** Read-only: the error codes the API answers with, and the HTTP status each maps to. */
export const errorStatus = {
  INVALID_JSON: 400,
  URL_INVALID: 422,
  ALIAS_INVALID: 422,
  ALIAS_RESERVED: 422,
  EXPIRES_INVALID: 422,
  ALIAS_TAKEN: 409,
  NOT_FOUND: 404,
  GONE: 410,
} as const;

export type ErrorCode = keyof typeof errorStatus;

/** Throw one anywhere; the app turns it into `{ error: { code, message } }` with the mapped status. */
export class LinkError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "LinkError";
  }

  get status(): (typeof errorStatus)[ErrorCode] {
    return errorStatus[this.code];
  }
}
