import { describe, expect, it } from "vitest";
import { chooseTransport } from "../transport";

describe("chooseTransport", () => {
  it("prefers Server-Sent Events where the client has them", () => {
    expect(chooseTransport({ eventSource: true, failed: [] })).toBe("sse");
  });

  it("steps down the ladder past what failed or is missing", () => {
    expect(chooseTransport({ eventSource: false, failed: [] })).toBe("long-poll");
    expect(chooseTransport({ eventSource: true, failed: ["sse"] })).toBe("long-poll");
    expect(chooseTransport({ eventSource: true, failed: ["long-poll"] })).toBe("sse");
    expect(chooseTransport({ eventSource: false, failed: ["long-poll"] })).toBe("short-poll");
  });

  it("falls back to short polling even when everything failed", () => {
    expect(chooseTransport({ eventSource: true, failed: ["sse", "long-poll", "short-poll"] })).toBe("short-poll");
  });
});
