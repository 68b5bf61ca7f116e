const encoder = new TextEncoder();

/** OWASP Password Storage Cheat Sheet (2023) for PBKDF2-HMAC-SHA256. Raise it as hardware gets faster. */
export const DEFAULT_ITERATIONS = 600_000;

/** "pbkdf2-sha256$<iterations>$<salt>$<hash>": 16 random salt bytes, a 32-byte hash, standard base64. */
export async function hashPassword(password: string, iterations = DEFAULT_ITERATIONS): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const hash = await pbkdf2(password, salt, iterations, 32);
  return ["pbkdf2-sha256", iterations, toBase64(salt), toBase64(hash)].join("$");
}

export interface Verdict {
  ok: boolean;
  /** The stored value should be replaced by hashPassword(password, iterations) (only when ok). */
  needsRehash: boolean;
}

/**
 * Checks `password` against a stored value in either scheme. `iterations` is today's cost: a
 * match stored with less, or in the legacy unsalted SHA-256 scheme, needs a rehash.
 */
export async function verifyPassword(password: string, stored: string, iterations = DEFAULT_ITERATIONS): Promise<Verdict> {
  const parts = stored.split("$");
  if (parts.length === 2 && parts[0] === "sha256" && /^[0-9a-f]{64}$/.test(parts[1])) {
    const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", encoder.encode(password)));
    const ok = constantTimeEqual(digest, fromHex(parts[1]));
    return { ok, needsRehash: ok };
  }
  if (parts.length === 4 && parts[0] === "pbkdf2-sha256" && /^[1-9][0-9]{0,8}$/.test(parts[1])) {
    const salt = fromBase64(parts[2]);
    const expected = fromBase64(parts[3]);
    if (salt && expected && expected.length > 0) {
      const cost = Number(parts[1]);
      const ok = constantTimeEqual(await pbkdf2(password, salt, cost, expected.length), expected);
      return { ok, needsRehash: ok && cost < iterations };
    }
  }
  return { ok: false, needsRehash: false };
}

/** Equal length and bytes, reading every byte whatever the first difference, so timing tells nothing. */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

async function pbkdf2(password: string, salt: Uint8Array, iterations: number, bytes: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey("raw", encoder.encode(password), "PBKDF2", false, ["deriveBits"]);
  const bits = await crypto.subtle.deriveBits({ name: "PBKDF2", hash: "SHA-256", salt: new Uint8Array(salt), iterations }, key, bytes * 8);
  return new Uint8Array(bits);
}

function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array | undefined {
  try {
    return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
  } catch {
    return undefined;
  }
}

function fromHex(hex: string): Uint8Array {
  return Uint8Array.from(hex.match(/../g) ?? [], (pair) => parseInt(pair, 16));
}
