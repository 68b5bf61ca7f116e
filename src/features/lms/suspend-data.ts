/**
 * The learner's changed files as SCORM 1.2 suspend data (at most 4096 characters): JSON, deflated
 * with the browser's own CompressionStream ("deflate-raw", no library to ship) and base64-encoded.
 * Deflate packs source code tighter than lz-string's LZ variant, and base64 is what every LMS
 * stores untouched. The "r1:" prefix names the format, so a later one can be told apart.
 */
const PREFIX = "r1:";

export type Files = Record<string, string>;

export async function encodeFiles(files: Files): Promise<string> {
  const bytes = new TextEncoder().encode(JSON.stringify({ files }));
  const deflated = await pipe(bytes, new CompressionStream("deflate-raw"));
  return PREFIX + toBase64(deflated);
}

/** The files kept in `data`, or undefined when it is empty or not ours. */
export async function decodeFiles(data: string): Promise<Files | undefined> {
  if (!data.startsWith(PREFIX)) return undefined;
  try {
    const inflated = await pipe(fromBase64(data.slice(PREFIX.length)), new DecompressionStream("deflate-raw"));
    const parsed = JSON.parse(new TextDecoder().decode(inflated)) as { files?: unknown };
    const files = parsed.files;
    if (!files || typeof files !== "object") return undefined;
    return Object.fromEntries(Object.entries(files).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
  } catch {
    return undefined;
  }
}

async function pipe(bytes: Uint8Array, transform: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(transform);
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}
