import { describe, expect, it } from "vitest";
import { checkIntegrity, parseSubmission, replayFiles, sessionFacts } from "../../exercises/submission";
import type { RunResults } from "../../runtime/results";
import { InterviewSession, type KeyValue } from "./session";
import { formatClock, timeLeft, warningFor } from "./timer";

const settings = { slug: "demo", title: "Demo", minutes: 30, visible: ["tests/a.test.ts"], hash: "a".repeat(64) };
const starter = { "main.ts": "export const x = 1;\n", "util.ts": "" };

function memoryStorage(): KeyValue & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return { map, getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v) };
}

function clock(start = Date.UTC(2026, 11, 1, 10)) {
  let now = start;
  return { now: () => now, advance: (ms: number) => void (now += ms) };
}

const results: RunResults = {
  version: 2,
  status: "fail",
  tests: [
    { name: "a > one", status: "pass", duration_ms: 1 },
    { name: "a > two", status: "fail", duration_ms: 1, message: "expected 2" },
  ],
};

describe("timer", () => {
  it("counts down from the start and stops at zero; untimed has no limit", () => {
    expect(timeLeft(1000, 30, 1000)).toBe(30 * 60_000);
    expect(timeLeft(1000, 30, 1000 + 29 * 60_000)).toBe(60_000);
    expect(timeLeft(1000, 0.05, 1000 + 10_000)).toBe(0);
    expect(timeLeft(1000, null, 5000)).toBeUndefined();
  });
  it("formats minutes and seconds, hours when there are some", () => {
    expect(formatClock(65_000)).toBe("1:05");
    expect(formatClock(3_723_000)).toBe("1:02:03");
    expect(formatClock(500, true)).toBe("0:01");
  });
  it("warns at 5 minutes and at 1, only when the limit is longer than that", () => {
    expect(warningFor(6 * 60_000, 30)).toBeUndefined();
    expect(warningFor(5 * 60_000, 30)).toMatch(/5 minutes/);
    expect(warningFor(59_000, 30)).toMatch(/1 minute/);
    expect(warningFor(4 * 60_000, 5)).toBeUndefined();
    expect(warningFor(30_000, 5)).toMatch(/1 minute/);
    expect(warningFor(0, 30)).toBeUndefined();
    expect(warningFor(undefined, null)).toBeUndefined();
  });
});

describe("interview session", () => {
  it("starts from the starter at first open and keeps the clock across a reload", async () => {
    const storage = memoryStorage();
    const time = clock();
    const first = await InterviewSession.open({ settings, starter, storage, now: time.now });
    time.advance(10 * 60_000);
    expect(first.timeLeft()).toBe(20 * 60_000);
    first.edit("main.ts", [{ rangeOffset: 17, rangeLength: 1, text: "42" }]);
    await first.submission();

    time.advance(60_000);
    const second = await InterviewSession.open({ settings, starter, storage, now: time.now });
    expect(second.startedAtMs).toBe(first.startedAtMs);
    expect(second.timeLeft()).toBe(19 * 60_000);
    expect(second.files["main.ts"]).toBe("export const x = 42;\n");
    const { log } = await second.submission();
    expect(log.map((e) => e.type)).toEqual(["start", "edit", "reload"]);
    expect(log[2].t).toBe(11 * 60_000);
  });

  it("logs the files whole when a change set does not rebuild the editor's text", async () => {
    const session = await InterviewSession.open({ settings, starter, storage: memoryStorage() });
    session.edit("main.ts", [{ rangeOffset: 0, rangeLength: 0, text: "a" }], "a" + starter["main.ts"]);
    session.edit("main.ts", [{ rangeOffset: 0, rangeLength: 0, text: "b" }], "xa" + starter["main.ts"]);
    const submission = await session.submission();
    expect(submission.log.map((e) => e.type)).toEqual(["start", "edit", "set-files"]);
    expect(submission.files["main.ts"]).toBe("xa" + starter["main.ts"]);
    expect(submission.files).toEqual(replayFiles(submission.log));
  });

  it("does not mix two tasks on one origin", async () => {
    const storage = memoryStorage();
    const one = await InterviewSession.open({ settings, starter, storage });
    one.edit("main.ts", [{ rangeOffset: 0, rangeLength: 0, text: "// one\n" }]);
    await one.submission();
    const other = await InterviewSession.open({ settings: { ...settings, hash: "b".repeat(64) }, starter, storage });
    expect(other.files).toEqual(starter);
    expect((await other.submission()).log.map((e) => e.type)).toEqual(["start"]);
  });

  it("records a session whose files are exactly what its log replays to, and which passes the integrity checks", async () => {
    const storage = memoryStorage();
    const time = clock();
    const session = await InterviewSession.open({ settings, starter, storage, now: time.now });
    time.advance(1000);
    // Monaco's order for a multi-cursor edit: the end of the document first.
    session.edit("main.ts", [
      { rangeOffset: 19, rangeLength: 0, text: " // end" },
      { rangeOffset: 0, rangeLength: 0, text: "/* start */ " },
    ]);
    session.edit("util.ts", [{ rangeOffset: 0, rangeLength: 0, text: "export const y = 2;\n" }]);
    session.paste("util.ts", 20);
    session.blur();
    time.advance(5000);
    session.focus();
    await session.run(results);
    // A reload in the middle: the rest is recorded by a new page.
    const again = await InterviewSession.open({ settings, starter, storage, now: time.now });
    again.edit("util.ts", [{ rangeOffset: 0, rangeLength: 6, text: "" }]);
    time.advance(1000);
    const submission = parseSubmission(JSON.stringify(await again.submit("submitted")));

    expect(submission.files).toEqual({ "main.ts": "/* start */ export const x = 1; // end\n", "util.ts": " const y = 2;\n" });
    expect(await checkIntegrity(submission, settings.hash)).toEqual({ sameTask: true, chain: undefined, filesMatchLog: true });
    expect(submission.log.map((e) => e.type)).toEqual(["start", "edit", "edit", "paste", "blur", "focus", "run", "reload", "edit", "submit"]);
    expect(submission.runs).toEqual([{ seq: 6, results }]);
    expect(submission.log[6]).toMatchObject({ type: "run", passed: 1, total: 2 });
    expect(sessionFacts(submission.log)).toMatchObject({ pastes: [20], focusLosses: 1, runs: 1, reloads: 1 });
    expect(submission.task).toEqual({ slug: "demo", title: "Demo", hash: settings.hash, minutes: 30, visible: ["tests/a.test.ts"] });
  });

  it("is over once submitted: nothing more is recorded, a reload logs nothing and gives the same file", async () => {
    const storage = memoryStorage();
    const session = await InterviewSession.open({ settings, starter, storage });
    const first = await session.submit("time-up");
    session.edit("main.ts", [{ rangeOffset: 0, rangeLength: 0, text: "late" }]);
    expect(await session.submit("submitted")).toEqual(first);
    const reopened = await InterviewSession.open({ settings, starter, storage });
    expect(reopened.submitted?.reason).toBe("time-up");
    expect(await reopened.submission()).toEqual(first);
  });

  it("keeps the start time when the first open crashed before its start event was saved", async () => {
    const storage = memoryStorage();
    const time = clock();
    const first = await InterviewSession.open({ settings, starter, storage, now: time.now });
    await first.submission();
    storage.map.delete(`roadlab-interview:${settings.hash}:event:0`);
    time.advance(120_000);
    const second = await InterviewSession.open({ settings, starter, storage, now: time.now });
    expect(second.timeLeft()).toBe(28 * 60_000);
    expect((await second.submission()).log.map((e) => e.type)).toEqual(["start"]);
  });

  it("never lets time run backwards in the log when the clock is set back", async () => {
    const time = clock();
    const session = await InterviewSession.open({ settings, starter, storage: memoryStorage(), now: time.now });
    time.advance(5000);
    session.blur();
    time.advance(-4000);
    session.focus();
    const submission = await session.submission();
    expect(submission.log.map((e) => e.t)).toEqual([0, 5000, 5000]);
    expect((await checkIntegrity(submission, settings.hash)).chain).toBeUndefined();
  });
});
