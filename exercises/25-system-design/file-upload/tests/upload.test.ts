import { describe, expect, it } from "vitest";
import { PNG, bytes, harness, hmac, sha256, text } from "./helpers";

const code = (res: { body: any }) => res.body?.error?.code;
const pngFile = bytes(...PNG, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10); // 18 bytes: parts of 4, 4, 4, 4, 2

describe("starting an upload", () => {
  it("answers 201 with an upload id and the part size; the upload starts with no parts", async () => {
    const h = harness();
    const res = await h.send("POST", "/uploads", { filename: "cat.png", size: 18, contentType: "image/png" });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ partSize: 4 });
    expect(typeof res.body.uploadId).toBe("string");
    const state = await h.send("GET", `/uploads/${res.body.uploadId}`);
    expect(state.status).toBe(200);
    expect(state.body).toMatchObject({ uploadId: res.body.uploadId, size: 18, contentType: "image/png", partSize: 4, parts: [] });
    expect((await h.send("GET", "/uploads/nope")).status).toBe(404);
  });

  it("refuses too large (413), a type off the list (415) and a malformed body (400)", async () => {
    const h = harness();
    const big = await h.create("a.png", 1_000_001, "image/png");
    expect([big.status, code(big)]).toEqual([413, "TOO_LARGE"]);
    expect((await h.create("a.png", 1_000_000, "image/png")).status).toBe(201);
    const html = await h.create("a.html", 10, "text/html");
    expect([html.status, code(html)]).toEqual([415, "UNSUPPORTED_TYPE"]);
    expect((await h.create("a.png", 10, "IMAGE/PNG")).status).toBe(201);
    for (const body of [{ filename: "a.png", size: 0, contentType: "image/png" }, { filename: "a.png", size: 1.5, contentType: "image/png" }, { filename: "x".repeat(256), size: 3, contentType: "text/plain" }, { size: 3 }, "not json"]) {
      const res = await h.send("POST", "/uploads", body);
      expect([res.status, code(res)], JSON.stringify(body)).toEqual([400, "INVALID_BODY"]);
    }
  });

  it("keeps only the last path segment of the filename and refuses control characters, . and ..", async () => {
    const h = harness();
    for (const [raw, name] of [["../../etc/passwd", "passwd"], ["C:\\Users\\me\\notes.txt", "notes.txt"], ["plain.txt", "plain.txt"]]) {
      const res = await h.create(raw!, 5, "text/plain");
      expect(res.status, raw).toBe(201);
      expect((await h.send("GET", `/uploads/${res.body.uploadId}`)).body.filename, raw).toBe(name);
    }
    for (const raw of ["a\u0000.txt", "line\nbreak.txt", "tab\t.txt", "..", "../", "docs/.", ""]) {
      const res = await h.create(raw, 5, "text/plain");
      expect([res.status, code(res)], JSON.stringify(raw)).toEqual([400, "FILENAME_INVALID"]);
    }
  });

  it("grows the part size so 10 000 parts always hold the file", async () => {
    const h = harness();
    expect((await h.create("a.txt", 40_000, "text/plain")).body.partSize).toBe(4);
    expect((await h.create("a.txt", 40_001, "text/plain")).body.partSize).toBe(5);
    expect((await h.create("a.txt", 1_000_000, "text/plain")).body.partSize).toBe(100);
  });
});

describe("sending parts", () => {
  it("answers each part with its SHA-256 etag and refuses bad part numbers and sizes", async () => {
    const h = harness();
    const { body } = await h.create("a.txt", 10, "text/plain");
    const id = body.uploadId;
    const part = text("abcd");
    const res = await h.send("PUT", `/uploads/${id}/parts/1`, part);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ n: 1, etag: await sha256(part) });
    expect((await h.send("PUT", `/uploads/${id}/parts/10000`, text("x"))).status).toBe(200);
    for (const n of ["0", "10001", "-1", "1.5", "abc"]) {
      const bad = await h.send("PUT", `/uploads/${id}/parts/${n}`, text("x"));
      expect([bad.status, code(bad)], n).toEqual([400, "PART_NUMBER_INVALID"]);
    }
    for (const b of [new Uint8Array(0), text("abcde")]) {
      const bad = await h.send("PUT", `/uploads/${id}/parts/2`, b);
      expect([bad.status, code(bad)], String(b.length)).toEqual([400, "PART_SIZE_INVALID"]);
    }
    expect(code(await h.send("PUT", `/uploads/nope/parts/1`, text("x")))).toBe("NOT_FOUND");
  });

  it("replaces a part sent again, and lists the stored parts ascending so a client can resume", async () => {
    const h = harness();
    const id = (await h.create("a.txt", 10, "text/plain")).body.uploadId;
    await h.send("PUT", `/uploads/${id}/parts/3`, text("ij"));
    await h.send("PUT", `/uploads/${id}/parts/1`, text("xxxx"));
    await h.send("PUT", `/uploads/${id}/parts/1`, text("abcd"));
    const state = await h.send("GET", `/uploads/${id}`);
    expect(state.body.parts).toEqual([
      { n: 1, size: 4, etag: await sha256(text("abcd")) },
      { n: 3, size: 2, etag: await sha256(text("ij")) },
    ]);
    expect(h.store.partBytesHeld()).toBe(6);
  });
});

describe("completing", () => {
  it("assembles the object, frees the parts, forgets the upload and hands out a working download URL", async () => {
    const h = harness();
    const { id, parts } = await h.uploadAll("../cat.png", "image/png", pngFile);
    const res = await h.send("POST", `/uploads/${id}/complete`, { parts });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ key: `${id}/cat.png`, size: 18, contentType: "image/png" });
    expect(h.store.getObject(`${id}/cat.png`)?.bytes).toEqual(pngFile);
    expect(h.store.partBytesHeld()).toBe(0);
    expect((await h.send("GET", `/uploads/${id}`)).status).toBe(404);
    const expires = Math.floor(Date.parse("2026-06-01T12:00:00Z") / 1000) + 900;
    expect(res.body.downloadUrl).toBe(`/files/${id}/cat.png?expires=${expires}&signature=${await hmac(`${id}/cat.png\n${expires}`)}`);
    const file = await h.send("GET", res.body.downloadUrl);
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe("image/png");
    expect(file.raw).toEqual(pngFile);
  });

  it("refuses a parts list out of order, with a gap, with a wrong etag, a short middle part or the wrong total — and keeps the upload", async () => {
    const h = harness();
    const { id, parts } = await h.uploadAll("cat.png", "image/png", pngFile);
    const [p1, p2, p3, p4, p5] = parts as [any, any, any, any, any];
    const cases: [unknown[], string][] = [
      [[p2, p1, p3, p4, p5], "PARTS_NOT_ASCENDING"],
      [[p1, p1, p2, p3, p4, p5], "PARTS_NOT_ASCENDING"],
      [[p1, p2, p4, p5], "PART_MISSING"],
      [[p2, p3, p4, p5], "PART_MISSING"],
      [[p1, p2, p3, p4, { n: 6, etag: p5.etag }], "PART_MISSING"],
      [[p1, { n: 2, etag: p3.etag }, p3, p4, p5], "ETAG_MISMATCH"],
      [[p1, p2, p3, p4], "SIZE_MISMATCH"],
    ];
    for (const [list, expected] of cases) {
      const res = await h.send("POST", `/uploads/${id}/complete`, { parts: list });
      expect([res.status, code(res)], expected).toEqual([400, expected]);
    }
    expect(code(await h.send("POST", `/uploads/${id}/complete`, { parts: [] }))).toBe("INVALID_BODY");
    // Part 2 re-sent short: every part but the last must be exactly partSize.
    const short = await h.send("PUT", `/uploads/${id}/parts/2`, bytes(1, 2));
    const res = await h.send("POST", `/uploads/${id}/complete`, { parts: [p1, { n: 2, etag: short.body.etag }, p3, p4, p5] });
    expect([res.status, code(res)]).toEqual([400, "PART_SIZE_INVALID"]);
    expect((await h.send("GET", `/uploads/${id}`)).status).toBe(200);
    expect(h.store.getObject(`${id}/cat.png`)).toBeUndefined();
  });

  it("sniffs the first bytes: a declared type the content does not match is 422", async () => {
    const h = harness();
    const fake = text("<svg onload=alert(1)>"); // 21 bytes
    for (const type of ["image/png", "image/jpeg", "application/pdf"]) {
      const { id, parts } = await h.uploadAll("x", type, fake);
      const res = await h.send("POST", `/uploads/${id}/complete`, { parts });
      expect([res.status, code(res)], type).toEqual([422, "CONTENT_MISMATCH"]);
    }
    const badUtf8 = await h.uploadAll("x.txt", "text/plain", bytes(0x68, 0x69, 0xff, 0xfe));
    expect(code(await h.send("POST", `/uploads/${badUtf8.id}/complete`, { parts: badUtf8.parts }))).toBe("CONTENT_MISMATCH");
    for (const [type, data] of [
      ["image/jpeg", bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10)],
      ["application/pdf", text("%PDF-1.7\n")],
      ["text/plain", text("héllo")],
    ] as const) {
      const { id, parts } = await h.uploadAll("ok", type, data);
      expect((await h.send("POST", `/uploads/${id}/complete`, { parts })).status, type).toBe(200);
    }
  });
});

describe("aborting and downloading", () => {
  it("DELETE aborts: 204, the parts are freed and the upload is gone", async () => {
    const h = harness();
    const { id } = await h.uploadAll("cat.png", "image/png", pngFile);
    const other = await h.uploadAll("dog.png", "image/png", pngFile);
    expect(h.store.partBytesHeld()).toBe(36);
    expect((await h.send("DELETE", `/uploads/${id}`)).status).toBe(204);
    expect(h.store.partBytesHeld()).toBe(18);
    expect((await h.send("GET", `/uploads/${id}`)).status).toBe(404);
    expect(code(await h.send("PUT", `/uploads/${id}/parts/1`, text("abcd")))).toBe("NOT_FOUND");
    expect((await h.send("DELETE", `/uploads/${id}`)).status).toBe(404);
    expect((await h.send("POST", `/uploads/${other.id}/complete`, { parts: other.parts })).status).toBe(200);
  });

  it("a download URL refuses a tampered key, expiry or signature and expires after 900 s", async () => {
    const h = harness();
    const a = await h.uploadAll("a.txt", "text/plain", text("secret a"));
    const urlA: string = (await h.send("POST", `/uploads/${a.id}/complete`, { parts: a.parts })).body.downloadUrl;
    const b = await h.uploadAll("b.txt", "text/plain", text("secret b"));
    await h.send("POST", `/uploads/${b.id}/complete`, { parts: b.parts });
    const url = new URL(urlA, "http://x");
    const expires = Number(url.searchParams.get("expires"));
    const sig = url.searchParams.get("signature")!;
    const tampered = [
      `/files/${b.id}/b.txt?expires=${expires}&signature=${sig}`,
      `/files/${a.id}/a.txt?expires=${expires + 3600}&signature=${sig}`,
      `/files/${a.id}/a.txt?expires=${expires}&signature=${sig.slice(0, -1)}${sig.endsWith("0") ? "1" : "0"}`,
      `/files/${a.id}/a.txt?expires=${expires}&signature=${await hmac(`${a.id}/a.txt\n${expires}`, "wrong secret")}`,
      `/files/${a.id}/a.txt?expires=${expires}`,
      `/files/${a.id}/a.txt`,
    ];
    for (const path of tampered) {
      const res = await h.send("GET", path);
      expect([res.status, code(res)], path).toEqual([403, "SIGNATURE_INVALID"]);
    }
    const ghost = `/files/${a.id}/ghost.txt?expires=${expires}&signature=${await hmac(`${a.id}/ghost.txt\n${expires}`)}`;
    expect(code(await h.send("GET", ghost))).toBe("NOT_FOUND");
    h.advance(899);
    expect((await h.send("GET", urlA)).raw).toEqual(text("secret a"));
    h.advance(1);
    const late = await h.send("GET", urlA);
    expect([late.status, code(late)]).toEqual([403, "URL_EXPIRED"]);
    const lateTampered = await h.send("GET", `/files/${b.id}/b.txt?expires=${expires}&signature=${sig}`);
    expect(code(lateTampered)).toBe("SIGNATURE_INVALID");
  });
});
