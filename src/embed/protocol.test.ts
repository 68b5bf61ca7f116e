import { describe, expect, it } from "vitest";
import type { RunResults } from "../runtime/results";
import { completion, envelope, parseCommand } from "./protocol";

const ok = (type: string, fields: object = {}) => parseCommand({ source: "roadlab", version: 1, type, ...fields });

describe("embed protocol v1", () => {
  it("wraps every message in the roadlab envelope", () => {
    expect(envelope({ type: "ready", slug: "x" })).toEqual({ source: "roadlab", version: 1, type: "ready", slug: "x" });
  });

  it("accepts each host command with its fields", () => {
    expect(ok("set-files", { files: { "main.ts": "x" } })).toEqual({ ok: true, command: { type: "set-files", files: { "main.ts": "x" } } });
    expect(ok("get-files")).toEqual({ ok: true, command: { type: "get-files" } });
    expect(ok("run")).toEqual({ ok: true, command: { type: "run" } });
    expect(ok("reset")).toEqual({ ok: true, command: { type: "reset" } });
    expect(ok("set-theme", { theme: "dark" })).toEqual({ ok: true, command: { type: "set-theme", theme: "dark" } });
  });

  it("refuses a wrong envelope, naming what it found", () => {
    expect(parseCommand("run")).toMatchObject({ ok: false, message: expect.stringContaining('found "run"') });
    expect(parseCommand(null)).toMatchObject({ ok: false });
    expect(parseCommand({ source: "other", version: 1, type: "run" })).toMatchObject({ ok: false, message: expect.stringContaining("source") });
    expect(parseCommand({ source: "roadlab", version: 2, type: "run" })).toMatchObject({ ok: false, message: "version: expected 1, found number 2" });
    expect(parseCommand({ source: "roadlab", type: "run" })).toMatchObject({ ok: false, message: "version: expected 1, found nothing" });
  });

  it("refuses an unknown type with a did-you-mean", () => {
    const result = ok("set-file", { files: {} });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/^type: expected one of set-files, get-files, run, reset, set-theme, found "set-file"; did you mean "set-files"\?$/);
    expect(ok("files")).toMatchObject({ ok: false });
    expect(ok("ready", { slug: "x" })).toMatchObject({ ok: false });
  });

  it("refuses wrong field types, naming the field", () => {
    expect(ok("set-files", { files: { "main.ts": 3 } })).toMatchObject({ ok: false, message: expect.stringMatching(/^set-files: files\.main\.ts: /) });
    expect(ok("set-files", { files: "code" })).toMatchObject({ ok: false, message: expect.stringMatching(/^set-files: files: /) });
    expect(ok("set-files")).toMatchObject({ ok: false });
    expect(ok("set-theme", { theme: "blue" })).toMatchObject({ ok: false, message: expect.stringMatching(/^set-theme: theme: /) });
  });

  it("scores the share of counted tests passed, floored, all passed only when every one did", () => {
    const results = (statuses: string[], status: RunResults["status"]): RunResults => ({
      version: 2,
      status,
      tests: statuses.map((s, i) => ({ name: `t${i}`, status: s as "pass" })),
    });
    expect(completion(results(["pass", "pass", "skip"], "pass"))).toEqual({ passed: true, score: 100 });
    expect(completion(results(["pass", "fail", "fail"], "fail"))).toEqual({ passed: false, score: 33 });
    expect(completion(results([...Array(199).fill("pass"), "fail"], "fail"))).toEqual({ passed: false, score: 99 });
    expect(completion(results([], "error"))).toEqual({ passed: false, score: 0 });
    // A tampered run is "error" even when every test said pass: not passed.
    expect(completion(results(["pass"], "error"))).toEqual({ passed: false, score: 100 });
  });
});
