/** Lower-case hex SHA-256 of the bytes: the part's etag. Use crypto.subtle.digest. */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  throw new Error(`TODO: sha256Hex (${bytes.length} bytes)`);
}

/** Lower-case hex HMAC-SHA256, keyed with `secret`, of `${key}\n${expires}`. */
export async function signDownload(secret: string, key: string, expires: number): Promise<string> {
  throw new Error(`TODO: signDownload (${secret.length}, ${key}, ${expires})`);
}

/** Whether a and b are equal, looking at every character whatever the first difference. */
export function timingSafeEqual(a: string, b: string): boolean {
  throw new Error(`TODO: timingSafeEqual (${a.length}, ${b.length})`);
}
