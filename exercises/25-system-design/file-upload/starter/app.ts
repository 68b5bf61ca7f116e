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

/** What you keep per unfinished upload; the bytes of its parts go to the store. */
interface Upload {
  filename: string;
  size: number;
  contentType: string;
  partSize: number;
  etags: Map<number, string>;
}

// Hints: z.object({ filename: z.string().max(255), size: z.number().int().positive(), contentType: z.string() })
void z;
void [contentMatches, sanitizeFilename, sha256Hex, signDownload, timingSafeEqual];

export function createApp({ store, secret, now = () => new Date(), minPartSize = 5 * 1024 * 1024, maxSize = 5 * 1024 ** 3 }: AppOptions): Hono {
  const app = new Hono();
  const uploads = new Map<string, Upload>();
  void [store, secret, now, minPartSize, maxSize, uploads];

  // TODO: POST /uploads {filename, size, contentType} → 201 {uploadId, partSize, key}
  app.post("/uploads", () => {
    throw new Error("TODO: POST /uploads");
  });

  // TODO: PUT /uploads/:id/parts/:n (raw body) → 200 {n, etag}
  app.put("/uploads/:id/parts/:n", () => {
    throw new Error("TODO: PUT /uploads/:id/parts/:n");
  });

  // TODO: GET /uploads/:id → {uploadId, filename, size, contentType, partSize, parts: [{n, size, etag}]}
  app.get("/uploads/:id", () => {
    throw new Error("TODO: GET /uploads/:id");
  });

  // TODO: POST /uploads/:id/complete {parts: [{n, etag}]} → 200 {key, size, contentType, downloadUrl}
  app.post("/uploads/:id/complete", () => {
    throw new Error("TODO: POST /uploads/:id/complete");
  });

  // TODO: DELETE /uploads/:id → 204
  app.delete("/uploads/:id", () => {
    throw new Error("TODO: DELETE /uploads/:id");
  });

  // TODO: GET /files/:id/:name?expires=…&signature=… → the object's bytes
  app.get("/files/:id/:name", () => {
    throw new Error("TODO: GET /files/:id/:name");
  });

  app.notFound((c) => c.json({ error: { code: "NOT_FOUND", message: "no such route" } }, 404));
  app.onError((err, c) => {
    if (err instanceof UploadError) return c.json({ error: { code: err.code, message: err.message } }, err.status);
    throw err;
  });
  return app;
}
