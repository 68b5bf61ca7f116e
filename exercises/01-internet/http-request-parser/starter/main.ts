/** Why a request was rejected: the tests check this code, not the message. */
export type HttpParseErrorCode =
  | "NO_END_OF_HEADERS"
  | "BAD_REQUEST_LINE"
  | "BAD_METHOD"
  | "BAD_TARGET"
  | "BAD_VERSION"
  | "UNSUPPORTED_VERSION"
  | "OBS_FOLD"
  | "MISSING_COLON"
  | "WHITESPACE_BEFORE_COLON"
  | "BAD_HEADER_NAME"
  | "BAD_HEADER_VALUE"
  | "TRANSFER_ENCODING_AND_CONTENT_LENGTH"
  | "UNSUPPORTED_TRANSFER_ENCODING"
  | "BAD_CONTENT_LENGTH"
  | "CONFLICTING_CONTENT_LENGTH"
  | "INCOMPLETE_BODY"
  | "EXTRA_DATA";

/** The status a server answers with (RFC 9110 §15): 400 unless the request is well-formed but unsupported. */
const STATUS: Partial<Record<HttpParseErrorCode, number>> = {
  UNSUPPORTED_VERSION: 505,
  UNSUPPORTED_TRANSFER_ENCODING: 501,
};

/** Thrown for any request that is not a well-formed HTTP/1.x message this parser accepts. */
export class HttpParseError extends Error {
  readonly status: number;
  constructor(
    readonly code: HttpParseErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "HttpParseError";
    this.status = STATUS[code] ?? 400;
  }
}

/** One parsed HTTP/1.x request. */
export interface HttpRequest {
  /** The method exactly as sent, e.g. "GET". Methods are case-sensitive (RFC 9110 §9.1). */
  method: string;
  /** The request-target exactly as sent, e.g. "/search?q=cats". Not decoded. */
  target: string;
  /** "HTTP/1.1" or "HTTP/1.0". */
  version: string;
  /** Lowercased field name -> every value received for it, in order. */
  headers: Record<string, string[]>;
  /** Everything after the empty line; "" when there is no Content-Length. */
  body: string;
}

/**
 * Parses one complete HTTP/1.x request, e.g.
 * "POST /notes HTTP/1.1\r\nHost: example.com\r\nContent-Length: 2\r\n\r\nhi".
 *
 * Throws HttpParseError with the code the README's table gives (and any helpful message)
 * for anything malformed, e.g. new HttpParseError("BAD_METHOD", 'invalid method "get"').
 */
export function parseRequest(raw: string): HttpRequest {
  // TODO 1: find the end of the head (CRLF CRLF). Missing → NO_END_OF_HEADERS.
  // TODO 2: split the head into lines on CRLF. Line 1 is the request line:
  //         exactly METHOD SP target SP version, each part checked (see the README table).
  // TODO 3: every other line is "name: value". Reject obs-fold, a missing colon, whitespace
  //         before the colon and bad names; trim spaces/tabs around the value; lowercase the name;
  //         keep repeated headers in order.
  // TODO 4: frame the body: reject Transfer-Encoding, validate Content-Length, and compare it
  //         with the UTF-8 byte length of what follows the head (new TextEncoder().encode(...)).
  throw new Error("TODO: implement parseRequest");
}

/**
 * The value of one header, looked up case-insensitively, or undefined if it was not sent.
 * Repeated values are joined with ", " — except Cookie, whose values are joined with "; ".
 */
export function header(req: HttpRequest, name: string): string | undefined {
  // TODO 5: lowercase the name, look it up (only headers that were sent), join the values.
  throw new Error("TODO: implement header");
}
