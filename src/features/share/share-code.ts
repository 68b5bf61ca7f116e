import { z } from "zod";

/**
 * Code shared by link: `#/exercises/<slug>?shared=<data>`, the data being the learner's files as
 * JSON, deflate-raw compressed (the browser's own CompressionStream) and base64url encoded.
 */
export type SharedFiles = Record<string, string>;

/** Links longer than this may be cut off by chat apps and some browsers' address bars. */
export const LONG_LINK = 8_000;
/** A link can inflate to far more than it holds; nothing a learner writes gets near this. */
const MAX_INFLATED = 1_000_000;

const payload = z.object({ v: z.literal(1), files: z.record(z.string(), z.string()) });

export async function encodeShared(files: SharedFiles): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify({ v: 1, files }));
  return toBase64Url(await pipe(json, new CompressionStream("deflate-raw")));
}

/** The files a link holds; throws an Error whose message says, in a line, what is wrong with it. */
export async function decodeShared(data: string): Promise<SharedFiles> {
  if (!/^[A-Za-z0-9_-]+$/.test(data)) throw new Error("the shared code in this link is damaged (it holds characters a share link never has)");
  let inflated: Uint8Array;
  try {
    inflated = await pipe(fromBase64Url(data), new DecompressionStream("deflate-raw"), MAX_INFLATED);
  } catch (error) {
    throw new Error(error instanceof RangeError ? error.message : "the shared code in this link is damaged or cut off (it does not decompress)");
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(inflated));
  } catch {
    throw new Error("the shared code in this link is damaged (it is not the files of an exercise)");
  }
  const result = payload.safeParse(parsed);
  if (!result.success) throw new Error("the shared code in this link is not in a format this version of Roadlab knows");
  return result.data.files;
}

/** The `shared` parameter of a hash location such as `/exercises/x?shared=…`, if any. */
export function sharedParam(hashLocation: string): string | undefined {
  const query = hashLocation.split("?")[1];
  return query === undefined ? undefined : (new URLSearchParams(query).get("shared") ?? undefined);
}

export async function shareUrl(pageUrl: string, slug: string, files: SharedFiles): Promise<string> {
  const url = new URL(pageUrl);
  url.hash = `/exercises/${slug}?shared=${await encodeShared(files)}`;
  return url.href;
}

async function pipe(input: Uint8Array, transform: TransformStream<BufferSource, Uint8Array>, limit = Infinity): Promise<Uint8Array> {
  const reader = new Blob([input as BlobPart]).stream().pipeThrough(transform).getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new RangeError("the shared code in this link is too large to open");
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}
