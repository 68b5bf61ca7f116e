import { createApp } from "../app";
import { ObjectStore } from "../store";

export const SECRET = "test-secret-do-not-ship";
export const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

const hex = (buf: ArrayBuffer) => [...new Uint8Array(buf)].map((b) => b.toString(16).padStart(2, "0")).join("");

/** Computed here, independently of the learner's code. */
export async function sha256(bytes: Uint8Array): Promise<string> {
  return hex(await crypto.subtle.digest("SHA-256", bytes as Uint8Array<ArrayBuffer>));
}

export async function hmac(message: string, secret = SECRET): Promise<string> {
  const enc = new TextEncoder();
  const key = await crypto.subtle.importKey("raw", enc.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  return hex(await crypto.subtle.sign("HMAC", key, enc.encode(message)));
}

export const bytes = (...values: number[]) => new Uint8Array(values);
export const text = (s: string) => new TextEncoder().encode(s);

/** The app on a store the test can inspect and a clock it moves by hand; part size 4, max 1 MB. */
export function harness(start = "2026-06-01T12:00:00.000Z") {
  const store = new ObjectStore();
  const clock = { now: new Date(start) };
  const app = createApp({ store, secret: SECRET, now: () => new Date(clock.now), minPartSize: 4, maxSize: 1_000_000 });

  async function send(method: string, path: string, body?: unknown) {
    const init: RequestInit = { method };
    if (body instanceof Uint8Array) init.body = body as Uint8Array<ArrayBuffer>;
    else if (body !== undefined) {
      init.body = JSON.stringify(body);
      init.headers = { "content-type": "application/json" };
    }
    const res = await app.request(path, init);
    const raw = new Uint8Array(await res.arrayBuffer());
    let json: any;
    try {
      json = JSON.parse(new TextDecoder().decode(raw));
    } catch {
      json = undefined;
    }
    return { status: res.status, headers: res.headers, body: json, raw };
  }

  async function create(filename: string, size: number, contentType = "application/octet-stream") {
    const res = await send("POST", "/uploads", { filename, size, contentType });
    return res;
  }

  /** Creates an upload and sends `data` in parts of 4; returns the upload id and the parts list. */
  async function uploadAll(filename: string, contentType: string, data: Uint8Array) {
    const created = await create(filename, data.length, contentType);
    if (created.status !== 201) throw new Error(`create failed: ${created.status} ${JSON.stringify(created.body)}`);
    const id: string = created.body.uploadId;
    const parts: { n: number; etag: string }[] = [];
    for (let n = 1, off = 0; off < data.length; n++, off += 4) {
      const res = await send("PUT", `/uploads/${id}/parts/${n}`, data.slice(off, off + 4));
      parts.push({ n, etag: res.body?.etag });
    }
    return { id, parts };
  }

  const advance = (seconds: number) => {
    clock.now = new Date(clock.now.getTime() + seconds * 1000);
  };
  return { app, store, send, create, uploadAll, advance };
}
