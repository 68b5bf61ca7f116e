import { describe, it, expect } from "vitest";
import { parseRequest, header, HttpParseError } from "../main";

/** Builds a request from lines joined with CRLF, ending the head with an empty line. */
function request(lines: string[], body = ""): string {
  return lines.join("\r\n") + "\r\n\r\n" + body;
}

/** What parseRequest did with `raw`, as text, so a failed assertion shows what really happened. */
function outcome(raw: string): string {
  try {
    const parsed = parseRequest(raw);
    return `parsed without error: ${JSON.stringify(parsed)}`;
  } catch (error) {
    if (error instanceof HttpParseError) return `HttpParseError ${String(error.code)} (status ${String(error.status)})`;
    return `threw something that is not an HttpParseError: ${String(error)}`;
  }
}

/** The statuses the README gives: a server answers 505 and 501 for these two, 400 for the rest. */
const STATUS: Record<string, number> = { UNSUPPORTED_VERSION: 505, UNSUPPORTED_TRANSFER_ENCODING: 501 };

/** Checks several raw requests at once; a failure lists the offending request next to its outcome. */
function expectAllRejected(raws: string[], code: string): void {
  expect(raws.map((raw) => ({ raw, outcome: outcome(raw) }))).toEqual(
    raws.map((raw) => ({ raw, outcome: `HttpParseError ${code} (status ${STATUS[code] ?? 400})` })),
  );
}

describe("request line", () => {
  it("parses a simple GET request", () => {
    const req = parseRequest(request(["GET /index.html HTTP/1.1", "Host: example.com"]));
    expect(req).toEqual({
      method: "GET",
      target: "/index.html",
      version: "HTTP/1.1",
      headers: { host: ["example.com"] },
      body: "",
    });
  });

  it("keeps the target exactly as sent and accepts HTTP/1.0", () => {
    const req = parseRequest(request(["DELETE /notes/7?force=true&x=%20 HTTP/1.0"]));
    expect(req.method).toBe("DELETE");
    expect(req.target).toBe("/notes/7?force=true&x=%20");
    expect(req.version).toBe("HTTP/1.0");
    expect(req.headers).toEqual({});
  });

  it("throws HttpParseError for a request line without exactly three parts", () => {
    expect(() => parseRequest(request(["GET /"]))).toThrow(HttpParseError);
    expect(() => parseRequest(request(["GET /"]))).toThrow(expect.objectContaining({ code: "BAD_REQUEST_LINE", status: 400 }));
    expectAllRejected(
      [
        request(["GET / "]),
        request(["GET  / HTTP/1.1"]),
        request(["GET / HTTP/1.1 extra"]),
        request(["GET\t/\tHTTP/1.1"]),
        request([""]),
      ],
      "BAD_REQUEST_LINE",
    );
  });

  it("accepts any method made of uppercase letters, not only the well-known ones", () => {
    expect(parseRequest(request(["PROPFIND /dav HTTP/1.1"])).method).toBe("PROPFIND");
    expect(parseRequest(request(["PURGE /cache HTTP/1.1"])).method).toBe("PURGE");
  });

  it("rejects lowercase and invalid method tokens", () => {
    expectAllRejected(
      [request(["get / HTTP/1.1"]), request(["Post / HTTP/1.1"]), request(["G3T / HTTP/1.1"]), request(["GET: / HTTP/1.1"])],
      "BAD_METHOD",
    );
  });

  it("rejects a request target with control or non-ASCII characters", () => {
    expectAllRejected(
      [request(["GET /caf\u00e9 HTTP/1.1"]), request(["GET /a\u007fb HTTP/1.1"]), request(["GET /a\u0000 HTTP/1.1"])],
      "BAD_TARGET",
    );
  });

  it("rejects a malformed HTTP version with 400", () => {
    expectAllRejected(
      [
        request(["GET / http/1.1"]),
        request(["GET / HTTP/1"]),
        request(["GET / HTTPS/1.1"]),
        request(["GET / HTTP/1.10"]),
        request(["GET / HTTP/2"]),
      ],
      "BAD_VERSION",
    );
  });

  it("rejects a well-formed version other than HTTP/1.0 and HTTP/1.1 with 505", () => {
    expectAllRejected([request(["GET / HTTP/2.0"]), request(["GET / HTTP/1.2"]), request(["GET / HTTP/0.9"])], "UNSUPPORTED_VERSION");
  });

  it("rejects a head that does not end with CRLF CRLF", () => {
    expectAllRejected(
      [
        "GET / HTTP/1.1\r\nHost: example.com\r\n", // truncated: the empty line never came
        "GET / HTTP/1.1\r\nHost: example.com",
        "GET / HTTP/1.1\nHost: example.com\n\n", // bare LF line endings
        "",
      ],
      "NO_END_OF_HEADERS",
    );
  });
});

describe("headers", () => {
  it("treats header names case-insensitively", () => {
    const req = parseRequest(request(["GET / HTTP/1.1", "HOST: example.com", "x-Request-ID: abc123"]));
    expect(req.headers).toEqual({ host: ["example.com"], "x-request-id": ["abc123"] });
    expect(header(req, "Host")).toBe("example.com");
    expect(header(req, "X-REQUEST-ID")).toBe("abc123");
    expect(header(req, "accept")).toBeUndefined();
  });

  it("keeps header values exactly as sent, case included", () => {
    const req = parseRequest(request(["GET / HTTP/1.1", "Content-Type: Application/JSON; Charset=UTF-8", "If-None-Match: \"xYz\""]));
    expect(req.headers).toEqual({ "content-type": ["Application/JSON; Charset=UTF-8"], "if-none-match": ['"xYz"'] });
    expect(header(req, "content-type")).toBe("Application/JSON; Charset=UTF-8");
  });

  it("finds only headers that were sent, whatever their name", () => {
    const req = parseRequest(request(["GET / HTTP/1.1", "Host: a"]));
    for (const name of ["constructor", "toString", "__proto__", "hasOwnProperty", "valueOf"]) {
      expect(header(req, name), name).toBeUndefined();
    }
    const odd = parseRequest(request(["GET / HTTP/1.1", "__proto__: x", "Constructor: y"]));
    expect(Object.keys(odd.headers)).toEqual(["__proto__", "constructor"]);
    expect(odd.headers.constructor).toEqual(["y"]);
    expect(header(odd, "__PROTO__")).toBe("x");
    expect(header(odd, "constructor")).toBe("y");
  });

  it("trims spaces and tabs around values but keeps the ones inside", () => {
    const req = parseRequest(
      request(["GET / HTTP/1.1", "User-Agent: \t curl/8.5  (x86_64 linux) \t ", "Accept:*/*", "X-Empty:   "]),
    );
    expect(req.headers).toEqual({
      "user-agent": ["curl/8.5  (x86_64 linux)"],
      accept: ["*/*"],
      "x-empty": [""],
    });
  });

  it("keeps every value of a repeated header, in order", () => {
    const req = parseRequest(
      request(["GET / HTTP/1.1", "Accept: text/html", "Host: example.com", "accept: application/json", "ACCEPT: */*"]),
    );
    expect(req.headers.accept).toEqual(["text/html", "application/json", "*/*"]);
    expect(header(req, "Accept")).toBe("text/html, application/json, */*");
  });

  it("joins repeated Cookie headers with a semicolon", () => {
    const req = parseRequest(request(["GET / HTTP/1.1", "Cookie: theme=dark", "Cookie: session=42"]));
    expect(req.headers.cookie).toEqual(["theme=dark", "session=42"]);
    expect(header(req, "cookie")).toBe("theme=dark; session=42");
  });

  it("rejects obs-fold continuation lines", () => {
    expectAllRejected(
      [
        request(["GET / HTTP/1.1", "X-Long: first part", " second part"]),
        request(["GET / HTTP/1.1", "X-Long: first part", "\tsecond part"]),
      ],
      "OBS_FOLD",
    );
  });

  it("rejects a header line without a colon", () => {
    expectAllRejected([request(["GET / HTTP/1.1", "Host example.com"])], "MISSING_COLON");
  });

  it("rejects whitespace between the header name and the colon", () => {
    expectAllRejected(
      [request(["GET / HTTP/1.1", "Host : example.com"]), request(["GET / HTTP/1.1", "Content-Length\t: 0"])],
      "WHITESPACE_BEFORE_COLON",
    );
  });

  it("rejects empty or invalid header names and CR/LF/NUL inside values", () => {
    expectAllRejected(
      [request(["GET / HTTP/1.1", ": no-name"]), request(["GET / HTTP/1.1", "Bad@Name: x"])],
      "BAD_HEADER_NAME",
    );
    expectAllRejected(
      [
        request(["GET / HTTP/1.1", "X-Note: one\rtwo"]),
        request(["GET / HTTP/1.1", "X-Note: one\ntwo"]),
        request(["GET / HTTP/1.1", "X-Note: one\0two"]),
        request(["GET / HTTP/1.1", "X-Note: one\r"]), // a stray CR is not whitespace to trim
      ],
      "BAD_HEADER_VALUE",
    );
  });
});

describe("body", () => {
  it("has an empty body when there is no Content-Length", () => {
    expect(parseRequest(request(["GET / HTTP/1.1", "Host: a"])).body).toBe("");
    expect(parseRequest(request(["POST /ping HTTP/1.1", "Content-Length: 0"])).body).toBe("");
  });

  it("reads the body announced by Content-Length", () => {
    const req = parseRequest(
      request(["POST /notes HTTP/1.1", "Content-Type: application/json", "Content-Length: 16"], '{"text":"hello"}'),
    );
    expect(req.method).toBe("POST");
    expect(req.body).toBe('{"text":"hello"}');
  });

  it("counts Content-Length in UTF-8 bytes, not characters", () => {
    // "Zoë" is 3 characters but 4 bytes: the whole body is 14 characters and 15 bytes.
    const body = '{"name":"Zoë"}';
    expect(parseRequest(request(["POST /users HTTP/1.1", "Content-Length: 15"], body)).body).toBe(body);
    // "€" alone is 3 bytes.
    expect(parseRequest(request(["POST /prices HTTP/1.1", "Content-Length: 5"], "5 €")).body).toBe("5 €");
  });

  it("rejects a body shorter than Content-Length", () => {
    expectAllRejected(
      [
        request(["POST /notes HTTP/1.1", "Content-Length: 10"], "hello"),
        request(["POST /notes HTTP/1.1", "Content-Length: 1"]),
        request(["POST /users HTTP/1.1", "Content-Length: 16"], '{"name":"Zoë"}'), // 15 bytes
      ],
      "INCOMPLETE_BODY",
    );
  });

  it("rejects data after the end of the message", () => {
    expectAllRejected(
      [
        request(["POST /notes HTTP/1.1", "Content-Length: 2"], "hello"),
        // Without Content-Length the body is empty, so these bytes cannot belong to it.
        request(["GET / HTTP/1.1", "Host: a"], "GET /admin HTTP/1.1\r\n\r\n"),
        // 14 characters, but 15 bytes: one byte too many.
        request(["POST /users HTTP/1.1", "Content-Length: 14"], '{"name":"Zoë"}'),
      ],
      "EXTRA_DATA",
    );
  });

  it("rejects Content-Length values that are not a plain decimal number", () => {
    expectAllRejected(
      ["abc", "-1", "+5", "1.5", "5abc", "0x5", ""].map((value) =>
        request(["POST /notes HTTP/1.1", `Content-Length: ${value}`], "hello"),
      ),
      "BAD_CONTENT_LENGTH",
    );
  });

  it("rejects conflicting Content-Length values but accepts identical repeats", () => {
    expectAllRejected(
      [
        request(["POST /notes HTTP/1.1", "Content-Length: 5", "Content-Length: 2"], "hello"),
        request(["POST /notes HTTP/1.1", "Content-Length: 5, 2"], "hello"),
      ],
      "CONFLICTING_CONTENT_LENGTH",
    );
    const repeated = request(["POST /notes HTTP/1.1", "Content-Length: 5", "content-length: 5"], "hello");
    expect(parseRequest(repeated).body).toBe("hello");
    expect(parseRequest(request(["POST /notes HTTP/1.1", "Content-Length: 5, 5"], "hello")).body).toBe("hello");
  });

  it("rejects Transfer-Encoding together with Content-Length (request smuggling) with 400", () => {
    const raws = [
      request(["POST /notes HTTP/1.1", "Content-Length: 4", "Transfer-Encoding: chunked"], "0\r\n\r\n"),
      request(["POST /notes HTTP/1.1", "Transfer-Encoding: chunked", "Content-Length: 5"], "hello"),
    ];
    expectAllRejected(raws, "TRANSFER_ENCODING_AND_CONTENT_LENGTH");
  });

  it("rejects Transfer-Encoding alone, which this parser does not implement, with 501", () => {
    expectAllRejected(
      [
        request(["POST /notes HTTP/1.1", "Transfer-Encoding: chunked"], "5\r\nhello\r\n0\r\n\r\n"),
        request(["POST /notes HTTP/1.1", "transfer-encoding: gzip, chunked"], "0\r\n\r\n"),
      ],
      "UNSUPPORTED_TRANSFER_ENCODING",
    );
  });
});

describe("HttpParseError", () => {
  it("is an Error carrying its code and the README's status", () => {
    const error = new HttpParseError("BAD_METHOD", 'invalid method "get"');
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ name: "HttpParseError", code: "BAD_METHOD", status: 400, message: 'invalid method "get"' });
    expect(new HttpParseError("UNSUPPORTED_VERSION", "x").status).toBe(505);
    expect(new HttpParseError("UNSUPPORTED_TRANSFER_ENCODING", "x").status).toBe(501);
  });
});
