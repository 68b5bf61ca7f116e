import { describe, expect, it } from "vitest";
import { decodeShared, encodeShared, sharedParam, shareUrl } from "./share-code";

describe("share links", () => {
  it("round-trips files, unicode and all, as URL-safe text", async () => {
    const files = { "main.ts": "export const greet = () => \"héllo ✓ 🚀\";\n".repeat(20), "util.ts": "" };
    const data = await encodeShared(files);
    expect(data).toMatch(/^[A-Za-z0-9_-]+$/);
    // Compressed: repeated code takes far less than its own length.
    expect(data.length).toBeLessThan(files["main.ts"].length / 4);
    expect(await decodeShared(data)).toEqual(files);
  });

  it("builds the exercise's hash route and finds the parameter again", async () => {
    const url = await shareUrl("http://127.0.0.1:4173/#/exercises/x", "x", { "main.ts": "1" });
    const hash = new URL(url).hash.slice(1);
    expect(hash).toMatch(/^\/exercises\/x\?shared=[A-Za-z0-9_-]+$/);
    expect(await decodeShared(sharedParam(hash)!)).toEqual({ "main.ts": "1" });
    expect(sharedParam("/exercises/x")).toBeUndefined();
  });

  it("refuses damaged, cut-off, foreign and oversized data with a one-line reason", async () => {
    const data = await encodeShared({ "main.ts": "export const answer = 42;\n" });
    await expect(decodeShared("not base64!")).rejects.toThrow(/damaged/);
    await expect(decodeShared(data.slice(0, data.length / 2))).rejects.toThrow(/damaged or cut off/);
    await expect(decodeShared("AAAA")).rejects.toThrow(/damaged/);
    const foreign = async (value: unknown) => {
      const bytes = new TextEncoder().encode(JSON.stringify(value));
      const compressed = new Uint8Array(await new Response(new Blob([bytes]).stream().pipeThrough(new CompressionStream("deflate-raw"))).arrayBuffer());
      return btoa(String.fromCharCode(...compressed)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
    };
    await expect(decodeShared(await foreign({ v: 2, files: {} }))).rejects.toThrow(/not in a format/);
    await expect(decodeShared(await foreign({ v: 1, files: { "main.ts": 3 } }))).rejects.toThrow(/not in a format/);
    await expect(decodeShared(await encodeShared({ "main.ts": "x".repeat(2_000_000) }))).rejects.toThrow(/too large/);
  });
});
