import { describe, expect, it } from "vitest";
import { build } from "../build";
import { BuildError } from "../errors";

const failure = async (dockerfile: string, context: Record<string, string> = {}) => {
  const err = await build(dockerfile, context, new Set()).then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(BuildError);
  return { code: (err as BuildError).code, line: (err as BuildError).line };
};

describe("build errors", () => {
  it("needs FROM first and knows Docker's instructions", async () => {
    expect(await failure("# base\nRUN echo hi\n")).toEqual({ code: "NO_FROM", line: 2 });
    expect(await failure("")).toMatchObject({ code: "NO_FROM" });
    expect(await failure("FROM alpine:3.20\nRUNN echo hi\n")).toEqual({ code: "UNKNOWN_INSTRUCTION", line: 2 });
  });

  it("refuses a second stage, COPY --from and ADD of a URL", async () => {
    expect(await failure("FROM alpine:3.20\nRUN true\nFROM alpine:3.20\n")).toEqual({ code: "UNSUPPORTED", line: 3 });
    expect(await failure("FROM alpine:3.20\nCOPY --from=build /a /a\n")).toEqual({ code: "UNSUPPORTED", line: 2 });
    expect(await failure("FROM alpine:3.20\nADD https://example.com/a.tgz /a\n")).toEqual({ code: "UNSUPPORTED", line: 2 });
  });

  it("fails a COPY of a file the context lacks or .dockerignore hides", async () => {
    const ctx = { "a.txt": "a", ".env": "S=1", ".dockerignore": ".env\n" };
    expect(await failure("FROM alpine:3.20\nCOPY a.txt b.txt /x/\n", ctx)).toEqual({ code: "MISSING_SOURCE", line: 2 });
    expect(await failure("FROM alpine:3.20\nWORKDIR /x\nCOPY .env ./\n", ctx)).toEqual({ code: "MISSING_SOURCE", line: 3 });
  });
});
