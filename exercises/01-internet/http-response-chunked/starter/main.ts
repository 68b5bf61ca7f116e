/** Why a message was refused: the tests check this code, not the message. */
export type HttpMessageErrorCode =
  | "BAD_HEADER_NAME"
  | "BAD_STATUS"
  | "BAD_REASON"
  | "BAD_HEADER_VALUE"
  | "FRAMING_HEADER"
  | "BODY_NOT_ALLOWED"
  | "TRAILERS_NOT_ALLOWED"
  | "BAD_CHUNK_SIZE"
  | "BAD_CHUNK_DATA"
  | "UNEXPECTED_END"
  | "EXTRA_DATA"
  | "BAD_TRAILER";

/** Thrown for anything that would put a malformed or ambiguous HTTP/1.1 message on the wire. */
export class HttpMessageError extends Error {
  constructor(
    readonly code: HttpMessageErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "HttpMessageError";
  }
}

/** One piece of a streamed body. Strings are sent as UTF-8. */
export type BodyChunk = Uint8Array | string;

/** A whole body (sent with Content-Length) or a stream of pieces (sent chunked). */
export type Body = string | Uint8Array | AsyncIterable<BodyChunk>;

/** What a handler wants to send back. */
export interface OutgoingResponse {
  /** An integer from 100 to 599. */
  status: number;
  /** Overrides the standard reason phrase; unknown codes without one get an empty phrase. */
  reason?: string;
  /** Header name -> value, or several values (one line each, e.g. Set-Cookie). Kept in order. */
  headers?: Record<string, string | string[]>;
  /** No body when undefined. */
  body?: Body;
  /** Trailer fields sent after the last chunk. Only allowed with a streamed body. */
  trailers?: Record<string, string>;
}

/** The decoded content of a chunked body. */
export interface DecodedBody {
  body: Uint8Array;
  /** Lowercased trailer name -> value (repeated names joined with ", "). */
  trailers: Record<string, string>;
}

/** Standard reason phrases for the codes a backend sends most often. */
export const REASON_PHRASES: Readonly<Record<number, string>> = {
  100: "Continue",
  101: "Switching Protocols",
  200: "OK",
  201: "Created",
  202: "Accepted",
  204: "No Content",
  206: "Partial Content",
  301: "Moved Permanently",
  302: "Found",
  303: "See Other",
  304: "Not Modified",
  307: "Temporary Redirect",
  308: "Permanent Redirect",
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  409: "Conflict",
  410: "Gone",
  413: "Content Too Large",
  415: "Unsupported Media Type",
  422: "Unprocessable Content",
  429: "Too Many Requests",
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
};

/**
 * "content-type" -> "Content-Type": the first letter and every letter after "-" uppercase,
 * everything else lowercase. Throws HttpMessageError BAD_HEADER_NAME for names that
 * are not an RFC 9110 token (letters, digits and !#$%&'*+-.^_`|~, at least one character).
 */
export function canonicalName(name: string): string {
  // TODO 1: validate the name against the token characters, then fix the casing word by word.
  throw new Error("TODO: implement canonicalName");
}

/**
 * "HTTP/1.1 404 Not Found\r\n". `reason` overrides REASON_PHRASES; an unknown code without one
 * gets an empty phrase — but the space after the code stays: "HTTP/1.1 299 \r\n".
 * Throws HttpMessageError for a status that is not an integer from 100 to 599 (BAD_STATUS)
 * and for a phrase with anything but tab, space and visible ASCII (BAD_REASON).
 */
export function statusLine(status: number, reason?: string): string {
  // TODO 2: check the status code, pick the phrase, check the phrase, build the line.
  throw new Error("TODO: implement statusLine");
}

/**
 * Streams the response: first the head (status line, headers, framing header, empty line),
 * then the body.
 * - no body / string / Uint8Array → "Content-Length: <bytes>", then the bytes.
 * - async iterable → "Transfer-Encoding: chunked" (after a "Trailer: A, B" line if there are
 *   trailers), then the chunks from encodeChunked.
 * - 1xx, 204 and 304 → no framing header and no body at all.
 * Everything is validated before the first byte is yielded (see the README for the rules).
 */
export async function* writeResponse(res: OutgoingResponse): AsyncGenerator<Uint8Array> {
  // TODO 3: build and validate the whole head first: status line + one "Name: value\r\n" line
  //         per value (canonical name, value trimmed of spaces/tabs, no CR/LF/control/non-ASCII,
  //         no Content-Length or Transfer-Encoding from the caller).
  // TODO 4: choose the framing from the body's type and the status code, and check the
  //         combinations that are not allowed (body on a 204, trailers without a stream, ...).
  // TODO 5: yield the head as bytes (new TextEncoder().encode(...)), then the body — for a
  //         stream, `yield* encodeChunked(body, trailers)`.
  throw new Error("TODO: implement writeResponse");
}

/**
 * Chunked transfer coding: one "<lowercase hex size>\r\n<data>\r\n" chunk per non-empty piece,
 * yielded as soon as the piece arrives, then "0\r\n", the trailer lines and a final "\r\n".
 * If the body throws, the error propagates and the final 0-chunk is NOT written.
 */
export async function* encodeChunked(
  body: AsyncIterable<BodyChunk>,
  trailers?: Record<string, string>,
): AsyncGenerator<Uint8Array> {
  // TODO 6: validate the trailers first; then for await over the body: encode strings as UTF-8,
  //         skip empty pieces (a 0-size chunk means "the end"), and yield size line + data + CRLF.
  throw new Error("TODO: implement encodeChunked");
}

/**
 * Decodes one complete chunked body (the bytes after the head). The source may split the bytes
 * anywhere — even inside a size line or a CRLF. Throws HttpMessageError for malformed, truncated
 * or over-long input (see the README table for the code each problem gets).
 */
export async function decodeChunked(source: AsyncIterable<Uint8Array>): Promise<DecodedBody> {
  // TODO 7: keep a buffer of unread bytes and pull more from the source when you need them.
  //         Two operations are enough: "read up to the next CRLF" and "read exactly n bytes".
  // TODO 8: loop: size line → data → CRLF, until the 0-size chunk; then trailer lines until
  //         an empty line; then make sure nothing is left.
  throw new Error("TODO: implement decodeChunked");
}
