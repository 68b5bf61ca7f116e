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

const CRLF = "\r\n";
// RFC 9112 §2.3: HTTP-version = "HTTP/" DIGIT "." DIGIT, and "HTTP" is case-sensitive.
const VERSION = /^HTTP\/[0-9]\.[0-9]$/;
const SUPPORTED_VERSIONS = new Set(["HTTP/1.0", "HTTP/1.1"]);
// House rule: uppercase letters only (GET, POST, PURGE, PROPFIND, ...). RFC 9110 §9.1 allows any token.
const METHOD = /^[A-Z]+$/;
// Visible ASCII only: no spaces, no control characters (a stray LF here would split the message).
const TARGET = /^[\x21-\x7E]+$/;
// RFC 9110 "token": the characters allowed in a field name.
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
// CR, LF and NUL inside a value are how header injection gets in (RFC 9110 §5.5).
const FORBIDDEN_IN_VALUE = /[\r\n\0]/;
const DIGITS = /^[0-9]+$/;

/** Parses one complete HTTP/1.x request. Throws HttpParseError for anything malformed. */
export function parseRequest(raw: string): HttpRequest {
  const headEnd = raw.indexOf(CRLF + CRLF);
  if (headEnd === -1) {
    throw new HttpParseError("NO_END_OF_HEADERS", "missing end of headers (an empty line, CRLF CRLF)");
  }
  const [requestLine, ...fieldLines] = raw.slice(0, headEnd).split(CRLF);
  const { method, target, version } = parseRequestLine(requestLine);
  const headers = parseFieldLines(fieldLines);
  const body = readBody(headers, raw.slice(headEnd + 4));
  return { method, target, version, headers, body };
}

/**
 * The value of one header, looked up case-insensitively. Repeated lines are joined with ", "
 * (RFC 9110 §5.3), except Cookie, whose pairs are joined with "; " (RFC 9113 §8.2.3).
 */
export function header(req: HttpRequest, name: string): string | undefined {
  const key = name.toLowerCase();
  // hasOwn, not `in` or a plain lookup: "constructor" must not find Object.prototype's property.
  if (!Object.hasOwn(req.headers, key)) return undefined;
  return req.headers[key].join(key === "cookie" ? "; " : ", ");
}

function parseRequestLine(line: string): Pick<HttpRequest, "method" | "target" | "version"> {
  // Exactly one SP between the parts: no tabs, no doubled or trailing spaces, nothing extra.
  const parts = line.trim().split(/\s+/);
  if (parts.length !== 3 || parts.includes("")) {
    throw new HttpParseError(
      "BAD_REQUEST_LINE",
      `malformed request line ${JSON.stringify(line)}: expected METHOD SP target SP version`,
    );
  }
  const [method, target, version] = parts;
  if (!METHOD.test(method)) {
    throw new HttpParseError("BAD_METHOD", `invalid method ${JSON.stringify(method)}: use uppercase letters only`);
  }
  if (!TARGET.test(target)) {
    throw new HttpParseError("BAD_TARGET", `invalid request target ${JSON.stringify(target)}`);
  }
  if (!VERSION.test(version)) {
    throw new HttpParseError("BAD_VERSION", `malformed HTTP version ${JSON.stringify(version)}: expected HTTP/<digit>.<digit>`);
  }
  if (!SUPPORTED_VERSIONS.has(version)) {
    // Well-formed but not ours: 505 HTTP Version Not Supported rather than 400.
    throw new HttpParseError("UNSUPPORTED_VERSION", `unsupported HTTP version ${JSON.stringify(version)}`);
  }
  return { method, target, version };
}

function parseFieldLines(lines: string[]): Record<string, string[]> {
  // A Map while building, so a field named "__proto__" is just another key.
  const fields = new Map<string, string[]>();
  for (const line of lines) {
    const { name, value } = parseFieldLine(line);
    const values = fields.get(name);
    if (values) values.push(value);
    else fields.set(name, [value]);
  }
  return Object.fromEntries(fields);
}

function parseFieldLine(line: string): { name: string; value: string } {
  if (line.startsWith(" ") || line.startsWith("\t")) {
    // obs-fold: an old way to continue the previous value. RFC 9112 §5.2 lets servers reject it.
    throw new HttpParseError("OBS_FOLD", `obs-fold (a line starting with whitespace) is not allowed: ${JSON.stringify(line)}`);
  }
  const colon = line.indexOf(":");
  if (colon === -1) {
    throw new HttpParseError("MISSING_COLON", `missing colon in header line ${JSON.stringify(line)}`);
  }
  const name = line.slice(0, colon);
  if (name.endsWith(" ") || name.endsWith("\t")) {
    // RFC 9112 §5.1: MUST reject. Proxies that strip this space disagree with ones that don't.
    throw new HttpParseError("WHITESPACE_BEFORE_COLON", `whitespace before colon in header line ${JSON.stringify(line)}`);
  }
  if (!TOKEN.test(name)) {
    throw new HttpParseError("BAD_HEADER_NAME", `invalid header name ${JSON.stringify(name)}`);
  }
  // Only SP and HTAB are optional whitespace; String.trim() would also eat \r, \n and more.
  const value = line.slice(colon + 1).replace(/^[ \t]+|[ \t]+$/g, "");
  if (FORBIDDEN_IN_VALUE.test(value)) {
    throw new HttpParseError("BAD_HEADER_VALUE", `invalid character (CR, LF or NUL) in header value of ${JSON.stringify(name)}`);
  }
  return { name: name.toLowerCase(), value };
}

function readBody(headers: Record<string, string[]>, rest: string): string {
  if (Object.hasOwn(headers, "transfer-encoding")) {
    if (Object.hasOwn(headers, "content-length")) {
      // The classic request-smuggling setup: two servers may each pick a different framing.
      throw new HttpParseError("TRANSFER_ENCODING_AND_CONTENT_LENGTH", "both Transfer-Encoding and Content-Length present: possible request smuggling");
    }
    // Ignoring it would treat a chunked body as the next request, which is smuggling too.
    throw new HttpParseError("UNSUPPORTED_TRANSFER_ENCODING", "Transfer-Encoding is not supported by this parser");
  }
  const length = contentLength(headers);
  // Content-Length counts bytes on the wire, not JavaScript characters: "é" is 2 bytes in UTF-8.
  const received = new TextEncoder().encode(rest).length;
  if (received < length) {
    throw new HttpParseError("INCOMPLETE_BODY", `incomplete body: Content-Length is ${length} but only ${received} bytes follow`);
  }
  if (received > length) {
    // On a real connection these bytes would start the next request; here they mean the framing is off.
    throw new HttpParseError("EXTRA_DATA", `extra data: ${received - length} bytes after the end of the message`);
  }
  // Exactly `length` bytes follow the head, so the body is everything after it.
  return rest;
}

/** The declared body length in bytes, 0 when absent. Repeats are fine only if they all agree. */
function contentLength(headers: Record<string, string[]>): number {
  if (!Object.hasOwn(headers, "content-length")) return 0;
  // "5, 5" and two "5" lines mean the same thing (RFC 9110 §8.6); anything else is ambiguous.
  const values = headers["content-length"].flatMap((v) => v.split(",")).map((v) => v.trim());
  for (const value of values) {
    // Digits only: parseInt("12abc") and Number("") would happily accept garbage.
    if (!DIGITS.test(value) || !Number.isSafeInteger(Number(value))) {
      throw new HttpParseError("BAD_CONTENT_LENGTH", `invalid Content-Length ${JSON.stringify(value)}`);
    }
  }
  if (new Set(values.map(Number)).size > 1) {
    throw new HttpParseError("CONFLICTING_CONTENT_LENGTH", `conflicting Content-Length values: ${values.join(", ")}`);
  }
  return Number(values[0]);
}
