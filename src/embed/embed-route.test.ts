import { describe, expect, it } from "vitest";
import { parseEmbedHash } from "./embed-route";

describe("embed.html's address", () => {
  it("reads slug, parent origin and theme", () => {
    expect(parseEmbedHash("#/http-request-parser?parent=http%3A%2F%2Flocalhost%3A8080&theme=dark")).toEqual({
      slug: "http-request-parser",
      parent: "http://localhost:8080",
      theme: "dark",
    });
    expect(parseEmbedHash("#/x?parent=https://school.example")).toEqual({ slug: "x", parent: "https://school.example", theme: undefined });
  });

  it("is standalone without a parent, and ignores an unknown theme", () => {
    expect(parseEmbedHash("#/x?theme=blue")).toEqual({ slug: "x", theme: undefined });
    expect(parseEmbedHash("#/x")).toEqual({ slug: "x", theme: undefined });
  });

  it("takes no parent that is not exactly an origin", () => {
    for (const parent of ["https://school.example/page", "*", "null", "school.example"]) {
      const route = parseEmbedHash(`#/x?parent=${encodeURIComponent(parent)}`);
      expect(route.parent).toBeUndefined();
      expect(route.problem).toContain(`found "${parent}"`);
    }
  });
});
