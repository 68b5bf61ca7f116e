import { describe, it, expect } from "vitest";
import {
  canonicalName,
  statusLine,
  writeResponse,
  encodeChunked,
  decodeChunked,
  HttpMessageError,
  type BodyChunk,
  type OutgoingResponse,
} from "../main";

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** An async iterable over the given pieces, like a body read from a file or a database cursor. */
async function* stream<T>(...pieces: T[]): AsyncGenerator<T> {
  for (const piece of pieces) yield piece;
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

async function collectBytes(source: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const part of source) parts.push(part);
  return concat(parts);
}

/** Everything writeResponse yields, as text. */
async function wire(res: OutgoingResponse): Promise<string> {
  return decoder.decode(await collectBytes(writeResponse(res)));
}

/** A synchronous call's outcome as text, so a failed assertion shows what really happened. */
function syncOutcome(fn: () => unknown): string {
  try {
    return `returned ${JSON.stringify(fn())}`;
  } catch (error) {
    if (error instanceof HttpMessageError) return `HttpMessageError: ${String(error.code)}`;
    return `threw something that is not an HttpMessageError: ${String(error)}`;
  }
}

/** The outcome of writing a response: the bytes yielded before it stopped, and how it stopped. */
async function writeOutcome(res: OutgoingResponse): Promise<string> {
  const parts: Uint8Array[] = [];
  try {
    for await (const part of writeResponse(res)) parts.push(part);
    return `completed: ${JSON.stringify(decoder.decode(concat(parts)))}`;
  } catch (error) {
    const sent = parts.length === 0 ? "nothing sent" : `sent ${JSON.stringify(decoder.decode(concat(parts)))}`;
    if (error instanceof HttpMessageError) return `HttpMessageError (${sent}): ${String(error.code)}`;
    return `threw something that is not an HttpMessageError (${sent}): ${String(error)}`;
  }
}

async function decodeOutcome(source: AsyncIterable<Uint8Array>): Promise<string> {
  try {
    const { body, trailers } = await decodeChunked(source);
    return `decoded: ${JSON.stringify({ body: decoder.decode(body), trailers })}`;
  } catch (error) {
    if (error instanceof HttpMessageError) return `HttpMessageError: ${String(error.code)}`;
    return `threw something that is not an HttpMessageError: ${String(error)}`;
  }
}

/** The outcome of an HttpMessageError with this code, thrown after `sent` (nothing, by default). */
function messageError(code: string, sent = "nothing sent"): string {
  return sent === "" ? `HttpMessageError: ${code}` : `HttpMessageError (${sent}): ${code}`;
}

function anyMessageError(code: string): string {
  return messageError(code, "");
}

/** The wire text delivered to decodeChunked in pieces of `size` bytes. */
function pieces(text: string, size: number): AsyncGenerator<Uint8Array> {
  const bytes = encoder.encode(text);
  const out: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += size) out.push(bytes.slice(i, i + size));
  return stream(...out);
}

describe("canonicalName and statusLine", () => {
  it("canonicalises header names: capital after each dash, lowercase elsewhere", () => {
    const names = ["content-type", "X-REQUEST-ID", "etag", "www-authenticate", "x-b3-traceid", "Accept"];
    expect(names.map(canonicalName)).toEqual([
      "Content-Type",
      "X-Request-Id",
      "Etag",
      "Www-Authenticate",
      "X-B3-Traceid",
      "Accept",
    ]);
  });

  it("rejects header names that are not tokens", () => {
    const bad = ["", "Bad Name", "X:Y", "Caf\u00e9", "a\r\nb", "Set-Cookie\n"];
    expect(bad.map((name) => ({ name, outcome: syncOutcome(() => canonicalName(name)) }))).toEqual(
      bad.map((name) => ({ name, outcome: anyMessageError("BAD_HEADER_NAME") })),
    );
  });

  it("uses the standard reason phrase, a custom one, or an empty one for unknown codes", () => {
    expect(statusLine(200)).toBe("HTTP/1.1 200 OK\r\n");
    expect(statusLine(404)).toBe("HTTP/1.1 404 Not Found\r\n");
    expect(statusLine(201, "Note Created")).toBe("HTTP/1.1 201 Note Created\r\n");
    // The space after the code is required even when the phrase is empty.
    expect(statusLine(299)).toBe("HTTP/1.1 299 \r\n");
    expect(statusLine(500, "")).toBe("HTTP/1.1 500 \r\n");
  });

  it("rejects status codes that are not integers from 100 to 599", () => {
    const bad = [99, 600, 0, -200, 200.5, Number.NaN, Number.POSITIVE_INFINITY, 1000];
    expect(bad.map((status) => ({ status, outcome: syncOutcome(() => statusLine(status)) }))).toEqual(
      bad.map((status) => ({ status, outcome: anyMessageError("BAD_STATUS") })),
    );
    expect(syncOutcome(() => statusLine(100))).toBe(`returned "HTTP/1.1 100 Continue\\r\\n"`);
    expect(syncOutcome(() => statusLine(599))).toBe(`returned "HTTP/1.1 599 \\r\\n"`);
  });

  it("rejects a reason phrase with CR, LF or other control characters", () => {
    const bad = ["OK\r\nSet-Cookie: admin=1", "OK\n", "O\rK", "O\0K", "Caf\u00e9"];
    expect(bad.map((reason) => ({ reason, outcome: syncOutcome(() => statusLine(200, reason)) }))).toEqual(
      bad.map((reason) => ({ reason, outcome: anyMessageError("BAD_REASON") })),
    );
  });
});

describe("writeResponse with a whole body (Content-Length)", () => {
  it("writes the status line, canonical headers in order, Content-Length and the body", async () => {
    const text = await wire({
      status: 200,
      headers: { "content-type": "application/json", "X-REQUEST-ID": "abc123" },
      body: '{"ok":true}',
    });
    expect(text).toBe(
      "HTTP/1.1 200 OK\r\n" +
        "Content-Type: application/json\r\n" +
        "X-Request-Id: abc123\r\n" +
        "Content-Length: 11\r\n" +
        "\r\n" +
        '{"ok":true}',
    );
  });

  it("counts Content-Length in UTF-8 bytes, not characters", async () => {
    // "héllo €" is 7 characters but 10 bytes.
    expect(await wire({ status: 200, body: "héllo €" })).toBe("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nhéllo €");
  });

  it("sends binary bodies byte for byte and Content-Length: 0 when there is no body", async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff]);
    const bytes = await collectBytes(writeResponse({ status: 200, headers: { "content-type": "image/png" }, body: png }));
    const head = encoder.encode("HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nContent-Length: 10\r\n\r\n");
    expect(Array.from(bytes)).toEqual([...head, ...png]);

    expect(await wire({ status: 201 })).toBe("HTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n");
    expect(await wire({ status: 200, body: "" })).toBe("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
  });

  it("trims spaces and tabs around values and writes one line per value of an array", async () => {
    const text = await wire({
      status: 302,
      headers: {
        location: "  /login \t",
        "set-cookie": ["session=; Max-Age=0", "theme=dark; Path=/; Expires=Wed, 21 Oct 2026 07:28:00 GMT"],
        "x-empty": "",
      },
    });
    expect(text).toBe(
      "HTTP/1.1 302 Found\r\n" +
        "Location: /login\r\n" +
        "Set-Cookie: session=; Max-Age=0\r\n" +
        "Set-Cookie: theme=dark; Path=/; Expires=Wed, 21 Oct 2026 07:28:00 GMT\r\n" +
        "X-Empty: \r\n" +
        "Content-Length: 0\r\n" +
        "\r\n",
    );
  });

  it("rejects header injection (CR, LF, NUL, non-ASCII) before sending a single byte", async () => {
    const bad = [
      "/home\r\nSet-Cookie: admin=true",
      "/home\nX-Injected: 1",
      "/home\r",
      "/home\0",
      "/caf\u00e9",
    ];
    const outcomes = await Promise.all(bad.map((value) => writeOutcome({ status: 302, headers: { Location: value } })));
    expect(bad.map((value, i) => ({ value, outcome: outcomes[i] }))).toEqual(
      bad.map((value) => ({ value, outcome: messageError("BAD_HEADER_VALUE") })),
    );
    // An invalid value inside an array is caught too, and so is a bad name.
    expect(await writeOutcome({ status: 200, headers: { "set-cookie": ["a=1", "b=2\r\n\r\n<script>"] } })).toEqual(
      messageError("BAD_HEADER_VALUE"),
    );
    expect(await writeOutcome({ status: 200, headers: { "x bad": "1" } })).toEqual(messageError("BAD_HEADER_NAME"));
  });

  it("refuses caller-set framing headers: the writer derives them from the body", async () => {
    const cases: OutgoingResponse[] = [
      { status: 200, headers: { "Content-Length": "5" }, body: "hello" },
      { status: 200, headers: { "content-length": "100" }, body: "hello" },
      { status: 200, headers: { "TRANSFER-ENCODING": "chunked" }, body: stream("hello") },
    ];
    const outcomes = await Promise.all(cases.map(writeOutcome));
    expect(outcomes).toEqual(cases.map(() => messageError("FRAMING_HEADER")));
  });

  it("sends no body and no framing headers for 1xx, 204 and 304, and rejects a body there", async () => {
    expect(await wire({ status: 204, headers: { "x-request-id": "r1" } })).toBe(
      "HTTP/1.1 204 No Content\r\nX-Request-Id: r1\r\n\r\n",
    );
    expect(await wire({ status: 304, headers: { etag: '"v2"' } })).toBe('HTTP/1.1 304 Not Modified\r\nEtag: "v2"\r\n\r\n');
    expect(await wire({ status: 100 })).toBe("HTTP/1.1 100 Continue\r\n\r\n");

    const cases: OutgoingResponse[] = [
      { status: 204, body: "" },
      { status: 304, body: "cached" },
      { status: 204, body: stream("x") },
    ];
    const outcomes = await Promise.all(cases.map(writeOutcome));
    expect(outcomes).toEqual(cases.map(() => messageError("BODY_NOT_ALLOWED")));
  });

  it("rejects an invalid status code or reason phrase before sending anything", async () => {
    expect(await writeOutcome({ status: 600, body: "x" })).toEqual(messageError("BAD_STATUS"));
    expect(await writeOutcome({ status: 200, reason: "OK\r\nX-Evil: 1", body: "x" })).toEqual(messageError("BAD_REASON"));
  });
});

describe("writeResponse with a streamed body (Transfer-Encoding: chunked)", () => {
  it("frames each piece as a chunk with a lowercase hex size and ends with a 0-size chunk", async () => {
    const sixteen = "0123456789abcdef";
    const big = new Uint8Array(255).fill(0x61); // 255 bytes of "a"
    const text = await wire({
      status: 200,
      headers: { "content-type": "text/plain" },
      body: stream<BodyChunk>("hello", sixteen, big, encoder.encode("é")),
    });
    expect(text).toBe(
      "HTTP/1.1 200 OK\r\n" +
        "Content-Type: text/plain\r\n" +
        "Transfer-Encoding: chunked\r\n" +
        "\r\n" +
        "5\r\nhello\r\n" +
        `10\r\n${sixteen}\r\n` +
        `ff\r\n${"a".repeat(255)}\r\n` +
        "2\r\né\r\n" +
        "0\r\n\r\n",
    );
  });

  it("skips empty pieces, because a 0-size chunk would end the body early", async () => {
    const text = await wire({ status: 200, body: stream<BodyChunk>("", "ab", new Uint8Array(0), "", "c") });
    expect(text).toBe("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nab\r\n1\r\nc\r\n0\r\n\r\n");
    expect(await wire({ status: 200, body: stream<BodyChunk>() })).toBe(
      "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
    );
  });

  it("streams: the head and each chunk are yielded before the next piece is pulled", async () => {
    const seen: Uint8Array[] = [];
    const seenWhenPulled: string[] = [];
    async function* body(): AsyncGenerator<string> {
      seenWhenPulled.push(decoder.decode(concat(seen)));
      yield "hello";
      seenWhenPulled.push(decoder.decode(concat(seen)));
      yield "world!";
      seenWhenPulled.push(decoder.decode(concat(seen)));
    }
    for await (const part of writeResponse({ status: 200, body: body() })) seen.push(part);

    const head = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n";
    // When a piece is pulled, everything before it must already have been handed out.
    expect(seenWhenPulled.slice(1)).toEqual([head + "5\r\nhello\r\n", head + "5\r\nhello\r\n6\r\nworld!\r\n"]);
    expect(decoder.decode(concat(seen))).toBe(head + "5\r\nhello\r\n6\r\nworld!\r\n0\r\n\r\n");
  });

  it("sends trailers after the last chunk and announces them in a Trailer header", async () => {
    const text = await wire({
      status: 200,
      body: stream("hello"),
      trailers: { "x-checksum": "5d41402a", "server-timing": "db;dur=53" },
    });
    expect(text).toBe(
      "HTTP/1.1 200 OK\r\n" +
        "Trailer: X-Checksum, Server-Timing\r\n" +
        "Transfer-Encoding: chunked\r\n" +
        "\r\n" +
        "5\r\nhello\r\n" +
        "0\r\n" +
        "X-Checksum: 5d41402a\r\n" +
        "Server-Timing: db;dur=53\r\n" +
        "\r\n",
    );
  });

  it("rejects trailers without a streamed body, and invalid trailers before sending anything", async () => {
    expect(await writeOutcome({ status: 200, body: "hello", trailers: { "x-checksum": "1" } })).toEqual(
      messageError("TRAILERS_NOT_ALLOWED"),
    );
    expect(await writeOutcome({ status: 200, trailers: { "x-checksum": "1" } })).toEqual(messageError("TRAILERS_NOT_ALLOWED"));
    expect(
      await writeOutcome({ status: 200, body: stream("hello"), trailers: { "x-checksum": "1\r\nX-Evil: 1" } }),
    ).toEqual(messageError("BAD_HEADER_VALUE"));
    expect(await writeOutcome({ status: 200, body: stream("hello"), trailers: { "content-length": "5" } })).toEqual(
      messageError("FRAMING_HEADER"),
    );
  });

  it("passes on an error from the body and never writes the final 0-chunk", async () => {
    const failure = new Error("database connection lost");
    async function* body(): AsyncGenerator<string> {
      yield "partial";
      throw failure;
    }
    const parts: Uint8Array[] = [];
    let caught: unknown;
    try {
      for await (const part of writeResponse({ status: 200, body: body() })) parts.push(part);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBe(failure);
    // The client must see a truncated message, not one that looks complete.
    expect(decoder.decode(concat(parts))).toBe("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n7\r\npartial\r\n");
  });
});

describe("decodeChunked", () => {
  it("decodes chunks, ignores chunk extensions, accepts uppercase hex and reads trailers", async () => {
    const input = "5\r\nhello\r\n1;name=value\r\n \r\nA\r\n0123456789\r\n0\r\nX-Checksum: abc\r\nserver-timing:  db;dur=53 \r\n\r\n";
    expect(await decodeOutcome(pieces(input, 1000))).toBe(
      `decoded: ${JSON.stringify({ body: "hello 0123456789", trailers: { "x-checksum": "abc", "server-timing": "db;dur=53" } })}`,
    );
    const { body, trailers } = await decodeChunked(pieces("0\r\n\r\n", 1000));
    expect({ body: Array.from(body), trailers }).toEqual({ body: [], trailers: {} });
  });

  it("decodes the same bytes however the input is split, even inside a size line or CRLF", async () => {
    const input = "3\r\nabc\r\n10\r\n0123456789abcdef\r\n0\r\nX-Done: yes\r\n\r\n";
    const expected = `decoded: ${JSON.stringify({ body: "abc0123456789abcdef", trailers: { "x-done": "yes" } })}`;
    for (const size of [1, 2, 3, 5, 7]) {
      expect({ size, outcome: await decodeOutcome(pieces(input, size)) }).toEqual({ size, outcome: expected });
    }
  });

  it("round-trips binary data written by encodeChunked", async () => {
    const a = new Uint8Array([0, 13, 10, 48, 13, 10, 13, 10, 255]); // contains "\r\n0\r\n\r\n"
    const b = new Uint8Array(300).map((_, i) => i % 256);
    const encoded = await collectBytes(encodeChunked(stream<BodyChunk>(a, "", b), { "Content-MD5": "x" }));
    const { body, trailers } = await decodeChunked(stream(encoded));
    expect({ body: Array.from(body), trailers }).toEqual({ body: [...a, ...b], trailers: { "content-md5": "x" } });
  });

  it("rejects invalid chunk size lines", async () => {
    const bad = ["-5", " 5", "5 ", "0x5", "", "g", "5\nhello", "+5", "5,6"].map(
      (size) => `${size}\r\nhello\r\n0\r\n\r\n`,
    );
    const outcomes = await Promise.all(bad.map((input) => decodeOutcome(pieces(input, 1000))));
    expect(bad.map((input, i) => ({ input, outcome: outcomes[i] }))).toEqual(
      bad.map((input) => ({ input, outcome: anyMessageError("BAD_CHUNK_SIZE") })),
    );
  });

  it("rejects chunk sizes above 4 GiB, including ones that overflow 64-bit integers", async () => {
    const bad = ["100000000", "10000000000000005", "ffffffffffffffffffff"].map((size) => `${size}\r\nhello\r\n0\r\n\r\n`);
    const outcomes = await Promise.all(bad.map((input) => decodeOutcome(pieces(input, 1000))));
    expect(outcomes).toEqual(bad.map(() => anyMessageError("BAD_CHUNK_SIZE")));
    // Leading zeros do not make a size large.
    expect(await decodeOutcome(pieces("000000000005\r\nhello\r\n0\r\n\r\n", 1000))).toBe(
      `decoded: ${JSON.stringify({ body: "hello", trailers: {} })}`,
    );
  });

  it("rejects chunk data that is longer than its declared size", async () => {
    const bad = ["3\r\nhello\r\n0\r\n\r\n", "5\r\nhello\n0\r\n\r\n", "5\r\nhelloXX0\r\n\r\n"];
    const outcomes = await Promise.all(bad.map((input) => decodeOutcome(pieces(input, 1000))));
    expect(bad.map((input, i) => ({ input, outcome: outcomes[i] }))).toEqual(
      bad.map((input) => ({ input, outcome: anyMessageError("BAD_CHUNK_DATA") })),
    );
  });

  it("rejects every truncated message as an unexpected end", async () => {
    const full = "5\r\nhello\r\n0\r\nX-A: 1\r\n\r\n";
    const prefixes = Array.from({ length: full.length }, (_, i) => full.slice(0, i));
    const outcomes = await Promise.all(prefixes.map((input) => decodeOutcome(pieces(input, 3))));
    expect(prefixes.map((input, i) => ({ input, outcome: outcomes[i] }))).toEqual(
      prefixes.map((input) => ({ input, outcome: anyMessageError("UNEXPECTED_END") })),
    );
  });

  it("rejects data after the end of the chunked body", async () => {
    const bad = ["0\r\n\r\nGET /admin HTTP/1.1\r\n\r\n", "5\r\nhello\r\n0\r\n\r\n\r\n", "0\r\n\r\nx"];
    const outcomes = await Promise.all(bad.map((input) => decodeOutcome(pieces(input, 4))));
    expect(outcomes).toEqual(bad.map(() => anyMessageError("EXTRA_DATA")));
  });

  it("joins repeated trailers with a comma, under their lowercase name", async () => {
    const decoded = await decodeChunked(pieces("3\r\nabc\r\n0\r\nX-Part: 1\r\nx-part: 2\r\nServer-Timing: db\r\n\r\n", 4));
    expect(decoded.trailers).toEqual({ "x-part": "1, 2", "server-timing": "db" });
  });

  it("rejects malformed trailer lines", async () => {
    const bad = ["X-Checksum abc", ": abc", "Bad Name: 1", "X-A: caf\u00e9"].map((line) => `0\r\n${line}\r\n\r\n`);
    const outcomes = await Promise.all(bad.map((input) => decodeOutcome(pieces(input, 1000))));
    expect(bad.map((input, i) => ({ input, outcome: outcomes[i] }))).toEqual(
      bad.map((input) => ({ input, outcome: anyMessageError("BAD_TRAILER") })),
    );
  });
});
