import { describe, expect, it } from "vitest";
import { LogChain, verifyChain } from "./chain";
import { applyChanges, replayFiles } from "./replay";
import { checkIntegrity, parseSubmission, sessionFacts, SubmissionError, type Submission } from "./submission";
import { taskHash } from "./task-hash";
import type { LogEntry } from "./log";

const parts = { slug: "demo", readme: "# Demo", starter: { "main.ts": "export const x = 1;\n" }, tests: { "tests/a.test.ts": "A", "tests/b.test.ts": "B" }, visible: ["tests/a.test.ts"], minutes: 30 };

async function session(entries: LogEntry[]): Promise<Submission> {
  const hash = await taskHash(parts);
  const chain = new LogChain(hash);
  for (const entry of entries) void chain.append(entry);
  const log = await chain.events();
  return {
    format: "roadlab-submission", version: 1,
    task: { slug: "demo", title: "Demo", hash, minutes: 30, visible: parts.visible },
    startedAt: "2026-12-01T10:00:00.000Z", submittedAt: "2026-12-01T10:20:00.000Z",
    files: replayFiles(log), runs: [], log,
  };
}

const typical: LogEntry[] = [
  { type: "start", t: 0, files: { "main.ts": "export const x = 1;\n" }, startedAt: "2026-12-01T10:00:00.000Z" },
  { type: "edit", t: 1000, file: "main.ts", changes: [{ rangeOffset: 17, rangeLength: 1, text: "42" }] },
  { type: "blur", t: 2000 },
  { type: "focus", t: 9000 },
  { type: "paste", t: 9500, file: "main.ts", length: 26 },
  { type: "edit", t: 9500, file: "main.ts", changes: [{ rangeOffset: 21, rangeLength: 0, text: "export const y = \"pasted\";" }] },
  { type: "run", t: 12_000, passed: 1, total: 2 },
  { type: "submit", t: 20_000, reason: "submitted" },
];

describe("replay", () => {
  it("applies Monaco's changes in the order given (end of the document first)", () => {
    expect(applyChanges("abcdef", [{ rangeOffset: 4, rangeLength: 2, text: "X" }, { rangeOffset: 0, rangeLength: 1, text: "YY" }])).toBe("YYbcdX");
  });

  it("rebuilds the files event by event", async () => {
    const { log } = await session(typical);
    expect(replayFiles(log, 1)["main.ts"]).toBe("export const x = 1;\n");
    expect(replayFiles(log)["main.ts"]).toBe('export const x = 42;\nexport const y = "pasted";');
  });

  it("refuses a change past the end of the file", () => {
    expect(() => applyChanges("ab", [{ rangeOffset: 1, rangeLength: 5, text: "" }])).toThrow(expect.objectContaining({ code: "REPLAY" }));
  });
});

describe("integrity", () => {
  it("holds for an untouched submission", async () => {
    const submission = await session(typical);
    expect(await checkIntegrity(submission, await taskHash(parts))).toEqual({ sameTask: true, chain: undefined, filesMatchLog: true });
  });

  it("finds an edited event, a dropped event and files that the log does not replay to", async () => {
    const submission = await session(typical);
    const edited = structuredClone(submission);
    (edited.log[4] as { length: number }).length = 1;
    expect(await verifyChain(edited.task.hash, edited.log)).toEqual({ seq: 4, why: "hash" });
    const dropped = structuredClone(submission);
    dropped.log.splice(2, 1);
    expect((await verifyChain(dropped.task.hash, dropped.log))?.seq).toBe(2);
    const files = structuredClone(submission);
    files.files["main.ts"] = "export const x = 42;\n";
    expect((await checkIntegrity(files, submission.task.hash)).filesMatchLog).toBe(false);
  });

  it("tells a submission made for another version of the task", async () => {
    const submission = await session(typical);
    const changed = await taskHash({ ...parts, tests: { ...parts.tests, "tests/b.test.ts": "B2" } });
    expect((await checkIntegrity(submission, changed)).sameTask).toBe(false);
  });

  it("sums up the session", async () => {
    expect(sessionFacts((await session(typical)).log)).toEqual({ usedMs: 20_000, pastes: [26], focusLosses: 1, runs: 1, reloads: 0 });
  });
});

describe("parseSubmission", () => {
  it.each([
    ["", "empty"],
    ['{"format":"roadlab-submission","version":1,"task":', "not valid JSON"],
    ['{"hello":1}', "not a Roadlab submission"],
    ['{"format":"roadlab-submission","version":2}', "version"],
  ])("rejects %j in one line", (text, why) => {
    expect(() => parseSubmission(text)).toThrow(SubmissionError);
    expect(() => parseSubmission(text)).toThrow(why);
  });

  it("reads back what it wrote", async () => {
    const submission = await session(typical);
    expect(parseSubmission(JSON.stringify(submission))).toEqual(submission);
  });
});
