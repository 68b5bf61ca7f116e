const hex = (buf: ArrayBuffer) => [...new Uint8Array(buf)].map((b) => b.toString(16).padStart(2, "0")).join("");

/** Lower-case hex SHA-256 of the bytes: the part's etag. */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  return hex(await crypto.subtle.digest("SHA-256", bytes as Uint8Array<ArrayBuffer>));
}

/** Lower-case hex HMAC-SHA256 of `${key}\n${expires}`: the expiry is signed too, or anyone could extend it. */
export async function signDownload(secret: string, key: string, expires: number): Promise<string> {
  const enc = new TextEncoder();
  const hmacKey = await crypto.subtle.importKey("raw", enc.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  return hex(await crypto.subtle.sign("HMAC", hmacKey, enc.encode(`${key}\n${expires}`)));
}

/** Compares every character whatever the first difference, so the time taken leaks nothing about where it is. */
export function timingSafeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false; // the length of a hex HMAC is public anyway
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}
