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

const CRLF = "\r\n";
const CR = 0x0d;
const LF = 0x0a;
const encoder = new TextEncoder();
// Protocol lines are bytes, not UTF-8: decode one character per byte and validate the characters.
const latin1 = new TextDecoder("latin1");

// RFC 9110 "token": the characters allowed in a field name.
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
// What this writer lets into a header value or reason phrase: tab, space and visible ASCII.
// Everything else — above all CR and LF — could end the line early and forge new headers.
const SAFE_TEXT = /^[\t\x20-\x7E]*$/;
// A chunk-size line: hex digits, optionally followed by ";extensions" (which we ignore).
const CHUNK_SIZE_LINE = /^([0-9A-Fa-f]+)(?:;[\t\x20-\x7E]*)?$/;
// Framing is the writer's job: a caller-supplied value could disagree with the body it sends.
const FRAMING_HEADERS = new Set(["content-length", "transfer-encoding"]);
// 0xFFFFFFFF (4 GiB) is the largest chunk we accept: 8 hex digits once leading zeros are gone.
const MAX_CHUNK_SIZE_DIGITS = 8;

/**
 * "content-type" -> "Content-Type": the first letter and every letter after "-" uppercase,
 * everything else lowercase. Throws for names that are not an RFC 9110 token.
 */
export function canonicalName(name: string): string {
  if (!TOKEN.test(name)) {
    throw new HttpMessageError("BAD_HEADER_NAME", `invalid header name ${JSON.stringify(name)}`);
  }
  return name
    .toLowerCase()
    .split("-")
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join("-");
}

/** "HTTP/1.1 404 Not Found\r\n". The space after the code stays even when the phrase is empty. */
export function statusLine(status: number, reason?: string): string {
  if (!Number.isInteger(status) || status < 100 || status > 599) {
    throw new HttpMessageError("BAD_STATUS", `invalid status code ${String(status)}: use an integer from 100 to 599`);
  }
  const phrase = reason ?? REASON_PHRASES[status] ?? "";
  if (!SAFE_TEXT.test(phrase)) {
    throw new HttpMessageError("BAD_REASON", `invalid reason phrase ${JSON.stringify(phrase)}`);
  }
  return `HTTP/1.1 ${status}${phrase ? ` ${phrase}` : ""}${CRLF}`;
}

/**
 * Streams the response: first the head, then the body. A string or Uint8Array body is sent
 * with Content-Length; an async iterable is sent with Transfer-Encoding: chunked.
 * Everything is validated before the first byte is yielded.
 */
export async function* writeResponse(res: OutgoingResponse): AsyncGenerator<Uint8Array> {
  const { status, reason, headers = {}, body, trailers } = res;
  // Build (and so validate) the whole head before yielding anything: once bytes are on the wire,
  // the server can no longer answer with a clean 500 instead.
  let head = statusLine(status, reason) + fieldLines(headers);

  if (status < 200 || status === 204 || status === 304) {
    // These responses never have a body, so they carry no framing headers either (RFC 9110 §6.4.1).
    if (body !== undefined) {
      throw new HttpMessageError("BODY_NOT_ALLOWED", `a ${status} response cannot have a body`);
    }
    if (trailers !== undefined) {
      throw new HttpMessageError("TRAILERS_NOT_ALLOWED", `a ${status} response cannot have trailers`);
    }
    yield encoder.encode(head + CRLF);
    return;
  }

  if (body === undefined || typeof body === "string" || body instanceof Uint8Array) {
    if (trailers !== undefined) {
      throw new HttpMessageError("TRAILERS_NOT_ALLOWED", "trailers need a streamed (chunked) body");
    }
    const bytes = typeof body === "string" ? encoder.encode(body) : (body ?? new Uint8Array(0));
    // Content-Length counts bytes, not characters: "é" is one character but two UTF-8 bytes.
    yield encoder.encode(`${head}Content-Length: ${bytes.length}${CRLF}${CRLF}`);
    if (bytes.length > 0) yield bytes;
    return;
  }

  if (trailers !== undefined) {
    // Validates the trailers now, before the head goes out, and announces them (RFC 9110 §6.6.2).
    fieldLines(trailers);
    const names = Object.keys(trailers).map(canonicalName);
    if (names.length > 0) head += `Trailer: ${names.join(", ")}${CRLF}`;
  }
  yield encoder.encode(`${head}Transfer-Encoding: chunked${CRLF}${CRLF}`);
  yield* encodeChunked(body, trailers);
}

/**
 * Chunked transfer coding: one "<hex size>\r\n<data>\r\n" chunk per non-empty piece, as soon as
 * it arrives, then "0\r\n", the trailer lines and a final "\r\n".
 */
export async function* encodeChunked(
  body: AsyncIterable<BodyChunk>,
  trailers?: Record<string, string>,
): AsyncGenerator<Uint8Array> {
  // Validate before reading the body, so a bad trailer cannot leave a half-sent message.
  const trailerSection = trailers === undefined ? "" : fieldLines(trailers);
  // If `body` throws, the error propagates from here and the final 0-chunk is never written:
  // the client sees a truncated message instead of a body that looks complete but is not.
  for await (const piece of body) {
    const data = typeof piece === "string" ? encoder.encode(piece) : piece;
    // A zero-size chunk is the end marker: sending one here would cut the body short.
    if (data.length === 0) continue;
    yield concat([encoder.encode(data.length.toString(16) + CRLF), data, encoder.encode(CRLF)]);
  }
  yield encoder.encode(`0${CRLF}${trailerSection}${CRLF}`);
}

/**
 * Decodes one complete chunked body. The source may split the bytes anywhere, even inside a
 * size line or a CRLF. Throws HttpMessageError for malformed, truncated or over-long input.
 */
export async function decodeChunked(source: AsyncIterable<Uint8Array>): Promise<DecodedBody> {
  const reader = new ByteReader(source[Symbol.asyncIterator]());
  const parts: Uint8Array[] = [];

  for (;;) {
    const size = parseChunkSize(await reader.readLine("a chunk size line"));
    if (size === 0) break;
    parts.push(await reader.readBytes(size, "chunk data"));
    const end = await reader.readBytes(2, "the CRLF after chunk data");
    if (end[0] !== CR || end[1] !== LF) {
      throw new HttpMessageError("BAD_CHUNK_DATA", `chunk data longer than its declared size ${size} (no CRLF after it)`);
    }
  }

  const trailers = new Map<string, string>();
  for (;;) {
    const line = await reader.readLine("the trailer section");
    if (line === "") break;
    const { name, value } = parseTrailerLine(line);
    const previous = trailers.get(name);
    trailers.set(name, previous === undefined ? value : `${previous}, ${value}`);
  }

  // This function decodes exactly one message. On a keep-alive connection leftover bytes would
  // be the next request; here they mean the sender and we disagree about where the body ends.
  if (!(await reader.atEnd())) {
    throw new HttpMessageError("EXTRA_DATA", "extra data after the end of the chunked body");
  }
  return { body: concat(parts), trailers: Object.fromEntries(trailers) };
}

/** Header (or trailer) lines, canonical names, values trimmed, one line per value. */
function fieldLines(fields: Record<string, string | string[]>): string {
  let out = "";
  for (const [rawName, rawValue] of Object.entries(fields)) {
    const name = canonicalName(rawName);
    if (FRAMING_HEADERS.has(name.toLowerCase())) {
      throw new HttpMessageError("FRAMING_HEADER", `${name} is framing, set by the writer from the body; do not set it yourself`);
    }
    for (const value of Array.isArray(rawValue) ? rawValue : [rawValue]) {
      // CR/LF here is header injection (response splitting): the rest of the value would be
      // read as new header lines, or even as a second response.
      if (!SAFE_TEXT.test(value)) {
        throw new HttpMessageError("BAD_HEADER_VALUE", `invalid header value for ${name}: ${JSON.stringify(value)}`);
      }
      // Only SP and HTAB are optional whitespace around a value.
      out += `${name}: ${value.replace(/^[ \t]+|[ \t]+$/g, "")}${CRLF}`;
    }
  }
  return out;
}

function parseChunkSize(line: string): number {
  const match = CHUNK_SIZE_LINE.exec(line);
  if (!match) {
    throw new HttpMessageError("BAD_CHUNK_SIZE", `invalid chunk size line ${JSON.stringify(line)}`);
  }
  // Count digits instead of parsing first: "10000000000000005" (17 hex digits) wraps around to 5
  // in a parser that uses 64-bit integers, a known request-smuggling trick.
  const digits = match[1].replace(/^0+(?=.)/, "");
  if (digits.length > MAX_CHUNK_SIZE_DIGITS) {
    throw new HttpMessageError("BAD_CHUNK_SIZE", `chunk size ${match[1]} is too large`);
  }
  return Number.parseInt(digits, 16);
}

function parseTrailerLine(line: string): { name: string; value: string } {
  const colon = line.indexOf(":");
  const name = colon === -1 ? "" : line.slice(0, colon);
  const value = line.slice(colon + 1).replace(/^[ \t]+|[ \t]+$/g, "");
  if (colon === -1 || !TOKEN.test(name) || !SAFE_TEXT.test(value)) {
    throw new HttpMessageError("BAD_TRAILER", `invalid trailer line ${JSON.stringify(line)}`);
  }
  return { name: name.toLowerCase(), value };
}

/** Reads lines and exact byte counts from an async source that may split bytes anywhere. */
class ByteReader {
  private buffer: Uint8Array = new Uint8Array(0);
  private done = false;

  constructor(private readonly source: AsyncIterator<Uint8Array>) {}

  /** The next line without its CRLF, as Latin-1 text (one character per byte). */
  async readLine(what: string): Promise<string> {
    let searchFrom = 0;
    for (;;) {
      const end = indexOfCrlf(this.buffer, searchFrom);
      if (end !== -1) {
        const line = latin1.decode(this.buffer.subarray(0, end));
        this.buffer = this.buffer.subarray(end + 2);
        return line;
      }
      // The CR may be the last byte we have; look again from there once more bytes arrive.
      searchFrom = Math.max(0, this.buffer.length - 1);
      if (!(await this.pull())) {
        throw new HttpMessageError("UNEXPECTED_END", `unexpected end of input while reading ${what}`);
      }
    }
  }

  async readBytes(count: number, what: string): Promise<Uint8Array> {
    while (this.buffer.length < count) {
      if (!(await this.pull())) {
        throw new HttpMessageError("UNEXPECTED_END", `unexpected end of input while reading ${what}`);
      }
    }
    const bytes = this.buffer.slice(0, count);
    this.buffer = this.buffer.subarray(count);
    return bytes;
  }

  /** True when no bytes are left, neither buffered nor still to come. */
  async atEnd(): Promise<boolean> {
    while (this.buffer.length === 0) {
      if (!(await this.pull())) return true;
    }
    return false;
  }

  private async pull(): Promise<boolean> {
    if (this.done) return false;
    const next = await this.source.next();
    if (next.done) {
      this.done = true;
      return false;
    }
    this.buffer = concat([this.buffer, next.value]);
    return true;
  }
}

function indexOfCrlf(bytes: Uint8Array, from: number): number {
  for (let i = from; i + 1 < bytes.length; i++) {
    if (bytes[i] === CR && bytes[i + 1] === LF) return i;
  }
  return -1;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
