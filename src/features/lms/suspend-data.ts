import { deflateSync, inflateSync, strFromU8, strToU8 } from "fflate";

/**
 * The learner's changed files as SCORM 1.2 suspend data (at most 4096 characters): JSON, deflated
 * with the exercise's starter files as the dictionary, base64-encoded. Learner code mostly keeps the
 * starter's text (its comments, signatures, SQL), so the dictionary is what makes a finished
 * exercise fit: sql-queries' 9 KB solution takes 4.2 K characters deflated alone, far less this
 * way. fflate, not CompressionStream, since only it takes a dictionary. The "r1:" prefix names
 * the format; a wrong dictionary (a package with another starter) fails to decode, not silently.
 */
const PREFIX = "r1:";

export type Files = Record<string, string>;

export function encodeFiles(files: Files, starter: Files): string {
  const deflated = deflateSync(strToU8(JSON.stringify({ files })), { level: 9, dictionary: dictionaryOf(starter) });
  return PREFIX + toBase64(deflated);
}

/** The files kept in `data`, or undefined when it is empty, not ours, or made with another starter. */
export function decodeFiles(data: string, starter: Files): Files | undefined {
  if (!data.startsWith(PREFIX)) return undefined;
  try {
    const inflated = inflateSync(fromBase64(data.slice(PREFIX.length)), { dictionary: dictionaryOf(starter) });
    const files = (JSON.parse(strFromU8(inflated)) as { files?: unknown }).files;
    if (!files || typeof files !== "object") return undefined;
    return Object.fromEntries(Object.entries(files).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
  } catch {
    return undefined;
  }
}

/** Deflate looks back 32 KB; the end of the dictionary is what it reaches. */
function dictionaryOf(starter: Files): Uint8Array {
  const text = Object.keys(starter).sort().map((name) => starter[name]).join("\n");
  return strToU8(text).slice(-32_768);
}

function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}
