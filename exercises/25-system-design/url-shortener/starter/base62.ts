/** Digits, then lower case, then upper case: "0" is 0, "a" is 10, "A" is 36, "Z" is 61. */
export const ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

/** The base62 digits of a non-negative safe integer, most significant first, without padding. */
export function encode(n: number): string {
  // TODO: RangeError for anything but a non-negative safe integer; encode(0) is "0".
  throw new Error(`encode(${n}): not implemented`);
}

/** The number a base62 string stands for; throws a RangeError on "" or a character outside the alphabet. */
export function decode(code: string): number {
  throw new Error(`decode(${code}): not implemented`);
}
