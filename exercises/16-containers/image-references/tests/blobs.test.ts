import { describe, expect, it } from "vitest";
import { digestOf, verifyBlob } from "../reference";

const bytes = (s: string) => new TextEncoder().encode(s);

describe("content addressing", () => {
  it("names a blob by the sha256 of its bytes", async () => {
    expect(await digestOf(new Uint8Array())).toBe("sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(await digestOf(bytes("abc"))).toBe("sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  it("accepts a download only if its bytes hash to the digest asked for", async () => {
    const layer = bytes('{"schemaVersion":2}');
    const digest = await digestOf(layer);
    expect(await verifyBlob(layer, digest)).toBe(true);
    expect(await verifyBlob(bytes('{"schemaVersion":3}'), digest)).toBe(false);
    await expect(verifyBlob(layer, "sha256:1234")).rejects.toMatchObject({ code: "INVALID_DIGEST" });
  });
});
