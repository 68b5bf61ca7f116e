// The service's original password code. It works, and every line of it is a finding in a pentest.
const encoder = new TextEncoder();

/** TODO: PBKDF2-HMAC-SHA256 at OWASP's recommended cost (README.md). */
export const DEFAULT_ITERATIONS = 1;

/** TODO: "pbkdf2-sha256$<iterations>$<salt>$<hash>", 16 random salt bytes, standard base64. */
export async function hashPassword(password: string, iterations = DEFAULT_ITERATIONS): Promise<string> {
  void iterations;
  return `sha256$${await sha256Hex(password)}`;
}

export interface Verdict {
  ok: boolean;
  /** The stored value should be replaced by hashPassword(password, iterations) (only when ok). */
  needsRehash: boolean;
}

/** TODO: both schemes, constant-time, and needsRehash for legacy or low-cost hashes. */
export async function verifyPassword(password: string, stored: string, iterations = DEFAULT_ITERATIONS): Promise<Verdict> {
  void iterations;
  return { ok: stored === `sha256$${await sha256Hex(password)}`, needsRehash: false };
}

/** TODO: read every byte, whatever the first difference. */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

async function sha256Hex(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", encoder.encode(text)));
  return Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
}
