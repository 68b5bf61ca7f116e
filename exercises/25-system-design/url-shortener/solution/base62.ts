/** Digits, then lower case, then upper case: "0" is 0, "a" is 10, "A" is 36, "Z" is 61. */
export const ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

/** The base62 digits of a non-negative safe integer, most significant first, without padding. */
export function encode(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`encode: expected a non-negative safe integer, got ${n}`);
  let out = "";
  do {
    out = ALPHABET[n % 62] + out;
    n = Math.floor(n / 62);
  } while (n > 0);
  return out;
}

/** The number a base62 string stands for; throws on a character outside the alphabet. */
export function decode(code: string): number {
  if (code === "") throw new RangeError("decode: empty string");
  let n = 0;
  for (const ch of code) {
    const digit = ALPHABET.indexOf(ch);
    if (digit < 0) throw new RangeError(`decode: "${ch}" is not a base62 digit`);
    n = n * 62 + digit;
  }
  return n;
}
