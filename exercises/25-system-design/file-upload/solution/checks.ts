import { UploadError } from "./errors";

/**
 * The last path segment of what the client sent (browsers and curl may send a full path, with / or \),
 * so a name can never climb out of its upload's folder. Control characters and "."/".." are refused.
 */
export function sanitizeFilename(raw: string): string {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(raw)) throw new UploadError("FILENAME_INVALID", "filename: control characters are not allowed");
  const name = raw.split(/[/\\]/).pop()!;
  if (name === "" || name === "." || name === "..") throw new UploadError("FILENAME_INVALID", `filename: "${raw}" has no file name`);
  return name;
}

const startsWith = (bytes: Uint8Array, sig: number[]) => sig.every((b, i) => bytes[i] === b);

/** Whether the bytes are what the declared type claims, judged by their first bytes, never by the header. */
export function contentMatches(contentType: string, bytes: Uint8Array): boolean {
  switch (contentType) {
    case "image/png":
      return startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    case "image/jpeg":
      return startsWith(bytes, [0xff, 0xd8, 0xff]);
    case "application/pdf":
      return startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d]); // %PDF-
    case "text/plain":
      try {
        new TextDecoder("utf-8", { fatal: true }).decode(bytes);
        return true;
      } catch {
        return false;
      }
    default:
      return false;
  }
}
