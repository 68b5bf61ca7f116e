import { describe, expect, it } from "vitest";
import { preparePackages } from "./package-modules";

describe("preparePackages", () => {
  it("loads only the packages the sources mention", async () => {
    const url = await preparePackages(["@roadlab/net", "@roadlab/mongo"], [`import { createNetwork } from "@roadlab/net";`]);
    expect(url("@roadlab/net")).toMatch(/^blob:/);
    expect(url("@roadlab/mongo")).toBeUndefined();
  });

  it("loads every package it is given without sources", async () => {
    const url = await preparePackages(["@roadlab/realtime"]);
    expect(url("@roadlab/realtime")).toMatch(/^blob:/);
  });
});
