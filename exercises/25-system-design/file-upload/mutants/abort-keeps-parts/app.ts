import { Hono } from "hono";
import { z } from "zod";
import { contentMatches, sanitizeFilename } from "./checks";
import { sha256Hex, signDownload, timingSafeEqual } from "./crypto";
import { UploadError } from "./errors";
import type { ObjectStore } from "./store";

export const ALLOWED_TYPES = ["image/png", "image/jpeg", "application/pdf", "text/plain"];
/** S3's limit: part numbers run 1..10 000. */
export const MAX_PARTS = 10_000;
/** How long a download URL from /complete stays valid. */
export const DOWNLOAD_TTL_SECONDS = 900;

export interface AppOptions {
  store: ObjectStore;
  /** The HMAC key for download URLs; only the server knows it. */
  secret: string;
  now?: () => Date;
  /** The smallest part size handed out (S3: 5 MiB). */
  minPartSize?: number;
  /** The largest upload accepted. */
  maxSize?: number;
}

interface Upload {
  filename: string;
  size: number;
  contentType: string;
  partSize: number;
  etags: Map<number, string>;
}

const CreateBody = z.object({
  filename: z.string().max(255),
  size: z.number().int().positive(),
  contentType: z.string(),
});
const CompleteBody = z.object({
  parts: z.array(z.object({ n: z.number().int(), etag: z.string() })).min(1),
});

async function json(req: { json(): Promise<unknown> }): Promise<unknown> {
  try {
    return await req.json();
  } catch {
    throw new UploadError("INVALID_BODY", "the body is not JSON");
  }
}

export function createApp({ store, secret, now = () => new Date(), minPartSize = 5 * 1024 * 1024, maxSize = 5 * 1024 ** 3 }: AppOptions): Hono {
  const app = new Hono();
  const uploads = new Map<string, Upload>();

  const uploadOf = (id: string) => {
    const upload = uploads.get(id);
    if (!upload) throw new UploadError("NOT_FOUND", `no upload ${id}`);
    return upload;
  };

  app.post("/uploads", async (c) => {
    const parsed = CreateBody.safeParse(await json(c.req));
    if (!parsed.success) throw new UploadError("INVALID_BODY", parsed.error.issues[0]!.message);
    const { size } = parsed.data;
    const filename = sanitizeFilename(parsed.data.filename);
    if (size > maxSize) throw new UploadError("TOO_LARGE", `size: at most ${maxSize} bytes`);
    const contentType = parsed.data.contentType.toLowerCase();
    if (!ALLOWED_TYPES.includes(contentType)) throw new UploadError("UNSUPPORTED_TYPE", `contentType: ${contentType}`);
    // Grow the part so 10 000 of them always hold the whole file.
    const partSize = Math.max(minPartSize, Math.ceil(size / MAX_PARTS));
    const uploadId = crypto.randomUUID();
    uploads.set(uploadId, { filename, size, contentType, partSize, etags: new Map() });
    return c.json({ uploadId, partSize, key: `${uploadId}/${filename}` }, 201);
  });

  app.put("/uploads/:id/parts/:n", async (c) => {
    const id = c.req.param("id");
    const upload = uploadOf(id);
    const raw = c.req.param("n");
    const n = /^\d{1,5}$/.test(raw) ? Number(raw) : NaN;
    if (!(n >= 1 && n <= MAX_PARTS)) throw new UploadError("PART_NUMBER_INVALID", `part number: 1..${MAX_PARTS}, got ${raw}`);
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    if (bytes.length === 0 || bytes.length > upload.partSize) {
      throw new UploadError("PART_SIZE_INVALID", `part ${n}: 1..${upload.partSize} bytes, got ${bytes.length}`);
    }
    const etag = await sha256Hex(bytes);
    // A retry of the same part simply replaces it: the client need not know whether the first try landed.
    store.putPart(id, n, bytes);
    upload.etags.set(n, etag);
    return c.json({ n, etag });
  });

  app.get("/uploads/:id", (c) => {
    const id = c.req.param("id");
    const { filename, size, contentType, partSize } = uploadOf(id);
    const parts = store.partNumbers(id).map((n) => ({ n, size: store.getPart(id, n)!.length, etag: uploadOf(id).etags.get(n)! }));
    return c.json({ uploadId: id, filename, size, contentType, partSize, parts });
  });

  app.post("/uploads/:id/complete", async (c) => {
    const id = c.req.param("id");
    const upload = uploadOf(id);
    const parsed = CompleteBody.safeParse(await json(c.req));
    if (!parsed.success) throw new UploadError("INVALID_BODY", parsed.error.issues[0]!.message);
    const { parts } = parsed.data;
    parts.forEach((part, i) => {
      if (i > 0 && part.n <= parts[i - 1]!.n) throw new UploadError("PARTS_NOT_ASCENDING", `part ${part.n} after ${parts[i - 1]!.n}`);
    });
    const chunks: Uint8Array[] = [];
    parts.forEach((part, i) => {
      const bytes = store.getPart(id, part.n);
      if (part.n !== i + 1 || !bytes) throw new UploadError("PART_MISSING", `part ${i + 1} is missing`);
      if (upload.etags.get(part.n) !== part.etag) throw new UploadError("ETAG_MISMATCH", `part ${part.n}: etag differs`);
      if (i < parts.length - 1 && bytes.length !== upload.partSize) {
        throw new UploadError("PART_SIZE_INVALID", `part ${part.n}: ${bytes.length} bytes, every part but the last must be ${upload.partSize}`);
      }
      chunks.push(bytes);
    });
    const total = chunks.reduce((sum, b) => sum + b.length, 0);
    if (total !== upload.size) throw new UploadError("SIZE_MISMATCH", `declared ${upload.size} bytes, parts hold ${total}`);
    const object = new Uint8Array(total);
    let offset = 0;
    for (const chunk of chunks) {
      object.set(chunk, offset);
      offset += chunk.length;
    }
    if (!contentMatches(upload.contentType, object)) {
      throw new UploadError("CONTENT_MISMATCH", `the bytes are not ${upload.contentType}`);
    }
    const key = `${id}/${upload.filename}`;
    store.putObject(key, object, upload.contentType);
    store.dropParts(id);
    uploads.delete(id);
    const expires = Math.floor(now().getTime() / 1000) + DOWNLOAD_TTL_SECONDS;
    const signature = await signDownload(secret, key, expires);
    const downloadUrl = `/files/${id}/${encodeURIComponent(upload.filename)}?expires=${expires}&signature=${signature}`;
    return c.json({ key, size: total, contentType: upload.contentType, downloadUrl });
  });

  app.delete("/uploads/:id", (c) => {
    const id = c.req.param("id");
    uploadOf(id);
    uploads.delete(id);
    return c.body(null, 204);
  });

  app.get("/files/:id/:name", async (c) => {
    const key = `${c.req.param("id")}/${c.req.param("name")}`;
    const expiresRaw = c.req.query("expires") ?? "";
    const expires = /^\d+$/.test(expiresRaw) ? Number(expiresRaw) : NaN;
    const given = c.req.query("signature") ?? "";
    const expected = Number.isNaN(expires) ? "" : await signDownload(secret, key, expires);
    if (expected === "" || !timingSafeEqual(given, expected)) throw new UploadError("SIGNATURE_INVALID", "bad signature");
    if (now().getTime() >= expires * 1000) throw new UploadError("URL_EXPIRED", "the link has expired");
    const object = store.getObject(key);
    if (!object) throw new UploadError("NOT_FOUND", `no object ${key}`);
    return c.body(object.bytes as Uint8Array<ArrayBuffer>, 200, { "content-type": object.contentType });
  });

  app.notFound((c) => c.json({ error: { code: "NOT_FOUND", message: "no such route" } }, 404));
  app.onError((err, c) => {
    if (err instanceof UploadError) return c.json({ error: { code: err.code, message: err.message } }, err.status);
    throw err;
  });
  return app;
}
