import { describe, expect, it } from "vitest";
import { findApi, type Scorm12Api } from "./scorm12-api";
import { Scorm12Session, sessionTime } from "./scorm12-session";

/** An LMS's API object as far as a SCO sees it: a key-value store with call logs and injectable errors. */
function fakeApi(initial: Record<string, string> = {}) {
  const data: Record<string, string> = { "cmi.core.lesson_status": "not attempted", "cmi.core.entry": "ab-initio", ...initial };
  const calls: string[] = [];
  let lastError = "0";
  const failing = new Set<string>();
  const api: Scorm12Api = {
    LMSInitialize: () => (calls.push("LMSInitialize"), failing.has("LMSInitialize") ? ((lastError = "101"), "false") : "true"),
    LMSFinish: () => (calls.push("LMSFinish"), "true"),
    LMSGetValue: (element) => data[element] ?? "",
    LMSSetValue: (element, value) => {
      calls.push(`set ${element}=${value}`);
      if (failing.has(element)) {
        lastError = "405";
        return "false";
      }
      data[element] = value;
      return "true";
    },
    LMSCommit: () => (calls.push("LMSCommit"), "true"),
    LMSGetLastError: () => lastError,
    LMSGetErrorString: (code) => ({ "101": "General exception", "405": "Incorrect data type" })[code] ?? "",
  };
  return { api, data, calls, failing };
}

/** Commits run when the test says, not on a timer. */
function manualSchedule() {
  let pending: (() => void) | undefined;
  return {
    schedule: (run: () => void) => {
      pending = run;
      return () => (pending = undefined);
    },
    fire: () => pending?.(),
    get pending() {
      return pending !== undefined;
    },
  };
}

describe("findApi", () => {
  it("finds the API on a parent a few levels up, skipping a window it may not read", () => {
    const api = fakeApi().api;
    const top = { API: api, parent: null as unknown };
    const foreign = { parent: top, get API(): unknown { throw new DOMException("cross-origin", "SecurityError"); } };
    const frame = { parent: foreign };
    expect(findApi(frame as never)).toBe(api);
  });

  it("looks at the opener and its parents when no parent has it", () => {
    const api = fakeApi().api;
    const openerTop = { API: api };
    const win = { parent: null, opener: { parent: openerTop } };
    expect(findApi(win as never)).toBe(api);
  });

  it("gives up after seven parents, and without any API", () => {
    const api = fakeApi().api;
    let win: Record<string, unknown> = { API: api };
    for (let i = 0; i < 9; i++) win = { parent: win };
    expect(findApi(win as never)).toBeUndefined();
    expect(findApi({ parent: null } as never)).toBeUndefined();
  });
});

describe("Scorm12Session", () => {
  it("marks a first launch incomplete, scores runs against the LMS's mastery and passes at it", () => {
    const { api, data, calls } = fakeApi({ "cmi.student_data.mastery_score": "80" });
    const timer = manualSchedule();
    let now = 1_000;
    const session = Scorm12Session.start(api, { mastery: 100, schedule: timer.schedule, now: () => now })!;
    expect(calls[0]).toBe("LMSInitialize");
    expect(data["cmi.core.lesson_status"]).toBe("incomplete");
    expect(session.mastery).toBe(80);

    session.reportScore(50);
    expect(data).toMatchObject({ "cmi.core.lesson_status": "failed", "cmi.core.score.raw": "50", "cmi.core.score.min": "0", "cmi.core.score.max": "100" });
    expect(calls).not.toContain("LMSCommit");
    now += 83_456_780; // 23 h 10 min 56.78 s
    timer.fire();
    expect(calls.at(-1)).toBe("LMSCommit");
    expect(data["cmi.core.session_time"]).toBe("0023:10:56.78");
    expect(data["cmi.core.exit"]).toBe("suspend");

    session.reportScore(200 / 3);
    expect(data["cmi.core.lesson_status"]).toBe("failed");
    expect(data["cmi.core.score.raw"]).toBe("67");
    session.reportScore(80);
    expect(data["cmi.core.lesson_status"]).toBe("passed");
    session.finish();
    expect(data["cmi.core.exit"]).toBe("");
    expect(calls.slice(-2)).toEqual(["LMSCommit", "LMSFinish"]);
    session.finish();
    expect(calls.filter((c) => c === "LMSFinish")).toHaveLength(1);
  });

  it("falls back to the package's mastery, and keeps a passed lesson and its best score", () => {
    const { api, data } = fakeApi({ "cmi.core.lesson_status": "passed", "cmi.core.score.raw": "90", "cmi.core.entry": "resume" });
    const session = Scorm12Session.start(api, { mastery: 70, schedule: manualSchedule().schedule })!;
    expect(session.mastery).toBe(70);
    expect(session.entry).toBe("resume");
    expect(data["cmi.core.lesson_status"]).toBe("passed");
    session.reportScore(10);
    expect(data["cmi.core.lesson_status"]).toBe("passed");
    expect(data["cmi.core.score.raw"]).toBe("90");
  });

  it("keeps suspend data up to 4096 characters and refuses more", () => {
    const { api, data } = fakeApi({ "cmi.suspend_data": "r1:old" });
    const timer = manualSchedule();
    const session = Scorm12Session.start(api, { mastery: 100, schedule: timer.schedule })!;
    expect(session.suspendData).toBe("r1:old");
    expect(session.saveSuspendData("x".repeat(4096))).toBe(true);
    expect(data["cmi.suspend_data"]).toHaveLength(4096);
    expect(session.saveSuspendData("y".repeat(4097))).toBe(false);
    expect(data["cmi.suspend_data"]).toBe("x".repeat(4096));
  });

  it("reports an LMS error once, with its code and text, and keeps going", () => {
    const { api, data, failing } = fakeApi();
    failing.add("cmi.core.score.raw");
    const errors: string[] = [];
    const session = Scorm12Session.start(api, { mastery: 100, onError: (m) => errors.push(m), schedule: manualSchedule().schedule })!;
    session.reportScore(100);
    session.reportScore(100);
    expect(errors).toEqual(['LMSSetValue("cmi.core.score.raw") failed: LMS error 405 (Incorrect data type)']);
    expect(data["cmi.core.lesson_status"]).toBe("passed");
  });

  it("is no session when LMSInitialize fails, or the API throws", () => {
    const { api, failing } = fakeApi();
    failing.add("LMSInitialize");
    const errors: string[] = [];
    expect(Scorm12Session.start(api, { mastery: 100, onError: (m) => errors.push(m) })).toBeUndefined();
    expect(errors).toEqual(["LMSInitialize failed: LMS error 101 (General exception)"]);
    const throwing = { ...fakeApi().api, LMSInitialize: () => { throw new Error("boom"); } };
    expect(Scorm12Session.start(throwing, { mastery: 100 })).toBeUndefined();
  });
});

describe("sessionTime", () => {
  it("writes CMITimespan HHHH:MM:SS.SS", () => {
    expect(sessionTime(0)).toBe("0000:00:00.00");
    expect(sessionTime(61_005)).toBe("0000:01:01.01");
    expect(sessionTime(3_600_000 * 12 + 59_999)).toBe("0012:01:00.00");
  });
});
