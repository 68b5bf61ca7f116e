import { describe, expect, it } from "vitest";
import { runtimeOverride } from "./runtime-choice";

describe("runtimeOverride", () => {
  it("reads ?runtime= from the address", () => {
    expect(runtimeOverride("?runtime=webcontainer")).toBe("webcontainer");
    expect(runtimeOverride("?x=1&runtime=local")).toBe("local");
  });

  it("ignores what is absent or unknown", () => {
    expect(runtimeOverride("")).toBeUndefined();
    expect(runtimeOverride("?runtime=docker")).toBeUndefined();
  });
});
