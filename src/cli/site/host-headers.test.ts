import { describe, expect, it } from "vitest";
import { securityHeaders } from "../../../build/security-headers";
import { hostHeaders, parseOrigins } from "./host-headers";

describe("parseOrigins", () => {
  it("takes origins, with a port or not", () => {
    expect(parseOrigins(["https://lms.example.edu", "http://127.0.0.1:8080"])).toEqual(["https://lms.example.edu", "http://127.0.0.1:8080"]);
  });

  it("refuses a path, a trailing slash, another scheme or no URL at all, saying what it expected", () => {
    expect(() => parseOrigins(["https://lms.example.edu/"])).toThrow(
      'expected an origin like https://lms.example.edu, found "https://lms.example.edu/" — did you mean "https://lms.example.edu"?',
    );
    expect(() => parseOrigins(["ftp://files.example.edu"])).toThrow(/found "ftp:\/\/files.example.edu"$/);
    expect(() => parseOrigins(["lms.example.edu"])).toThrow(/found "lms.example.edu"$/);
    expect(() => parseOrigins(["*"])).toThrow(/found "\*"$/);
  });
});

describe("hostHeaders", () => {
  const text = hostHeaders(["index.html", "runner.html"], ["https://lms.example.edu"]);
  const blocks = text.split("\n").filter((l) => !l.startsWith("#") && l !== "");

  it("gives every file the app's headers, the policy without frame-ancestors", () => {
    const all = blocks.slice(blocks.indexOf("/*") + 1, blocks.indexOf("/*") + 4).map((l) => l.trim());
    expect(all).toEqual([
      `Cross-Origin-Opener-Policy: ${securityHeaders["Cross-Origin-Opener-Policy"]}`,
      `Cross-Origin-Embedder-Policy: ${securityHeaders["Cross-Origin-Embedder-Policy"]}`,
      `Content-Security-Policy: ${securityHeaders["Content-Security-Policy"].replace(/; frame-ancestors [^;]+/, "")}`,
    ]);
  });

  it("frames the app's pages as the app does, and embed.html only from the given origins", () => {
    const after = (path: string) => blocks[blocks.indexOf(path) + 1]?.trim();
    const app = /frame-ancestors [^;]+/.exec(securityHeaders["Content-Security-Policy"])![0];
    for (const path of ["/", "/index.html", "/runner.html"]) expect(after(path)).toBe(`Content-Security-Policy: ${app}`);
    for (const path of ["/embed.html", "/embed"]) expect(after(path)).toBe("Content-Security-Policy: frame-ancestors https://lms.example.edu");
  });
});
