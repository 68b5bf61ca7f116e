import { UploadError } from "./errors";

/**
 * The last path segment of `raw` (split on / and \). Throws UploadError("FILENAME_INVALID") for
 * control characters (U+0000–U+001F, U+007F) anywhere in `raw`, or when the segment is "", "." or "..".
 */
export function sanitizeFilename(raw: string): string {
  throw new UploadError("FILENAME_INVALID", `TODO: sanitizeFilename(${JSON.stringify(raw)})`);
}

/** Whether the first bytes match the declared type (see the README's table). */
export function contentMatches(contentType: string, bytes: Uint8Array): boolean {
  throw new Error(`TODO: contentMatches(${contentType}, ${bytes.length} bytes)`);
}
