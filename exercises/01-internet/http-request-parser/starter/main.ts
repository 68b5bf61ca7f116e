/** Thrown for any request that is not a well-formed HTTP/1.x message. A server answers it with 400. */
export class HttpParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "HttpParseError";
  }
}

/** One parsed HTTP/1.x request. */
export interface HttpRequest {
  /** The method exactly as sent, e.g. "GET". Methods are case-sensitive. */
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
 * Throws HttpParseError (with a message containing the phrase listed in the README)
 * for anything malformed.
 */
export function parseRequest(raw: string): HttpRequest {
  // TODO 1: find the end of the head (CRLF CRLF). Missing → "missing end of headers".
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
  // TODO 5: lowercase the name, look it up, join the values.
  throw new Error("TODO: implement header");
}
