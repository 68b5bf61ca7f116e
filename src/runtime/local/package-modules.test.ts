import { describe, expect, it } from "vitest";
import { preparePackages } from "./package-modules";

describe("preparePackages", () => {
  it("loads only the entry points it is given", async () => {
    const url = await preparePackages(["@roadlab/net"]);
    expect(url("@roadlab/net")).toMatch(/^blob:/);
    expect(url("@roadlab/mongo")).toBeUndefined();
  });

  it("ignores names that are not curated packages", async () => {
    const url = await preparePackages(["@roadlab/realtime", "left-pad"]);
    expect(url("@roadlab/realtime")).toMatch(/^blob:/);
    expect(url("left-pad")).toBeUndefined();
  });
});
