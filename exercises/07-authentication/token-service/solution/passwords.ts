// Given: you built this in "Password login and roles". PBKDF2-HMAC-SHA256, salted, self-describing.
const encoder = new TextEncoder();

export async function hashPassword(password: string, iterations: number): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  return ["pbkdf2-sha256", iterations, toBase64(salt), toBase64(await derive(password, salt, iterations))].join("$");
}

/** True when the password matches. Malformed stored values never match. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, iterations, salt, hash] = stored.split("$");
  if (scheme !== "pbkdf2-sha256" || !/^[1-9][0-9]*$/.test(iterations ?? "") || !salt || !hash) return false;
  const expected = Uint8Array.from(atob(hash), (c) => c.charCodeAt(0));
  const actual = await derive(password, Uint8Array.from(atob(salt), (c) => c.charCodeAt(0)), Number(iterations));
  return timingSafeEqual(actual, expected);
}

/** A hash no password matches, so an unknown email costs the same work as a known one. */
export function dummyHash(iterations: number): string {
  return ["pbkdf2-sha256", iterations, toBase64(new Uint8Array(16)), toBase64(new Uint8Array(32))].join("$");
}

/** Compares every byte, so the time taken does not tell how many matched. */
export function timingSafeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i] ^ b[i];
  return diff === 0;
}

async function derive(password: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey("raw", encoder.encode(password.normalize("NFKC")), "PBKDF2", false, ["deriveBits"]);
  return new Uint8Array(await crypto.subtle.deriveBits({ name: "PBKDF2", hash: "SHA-256", salt: new Uint8Array(salt), iterations }, key, 256));
}

function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}
