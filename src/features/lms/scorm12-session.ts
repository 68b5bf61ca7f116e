import type { Scorm12Api } from "./scorm12-api";

/** SCORM 1.2's cmi.suspend_data is a CMIString4096. */
export const SUSPEND_DATA_LIMIT = 4096;

export interface SessionOptions {
  /** The package's mastery score (0–100), used when the LMS gives no cmi.student_data.mastery_score. */
  mastery: number;
  /** Told once per distinct problem the LMS reports; the page keeps working either way. */
  onError?: (message: string) => void;
  now?: () => number;
  /** Changes are committed together this long after the last one. */
  commitDelayMs?: number;
  schedule?: (run: () => void, ms: number) => () => void;
}

/**
 * One launch of a SCO against an LMS's SCORM 1.2 API: status, score, suspend data, session time.
 * A passed lesson stays passed and its best score stays recorded: trying things out after passing
 * must not take the grade away. Every API call is guarded; an LMS error is reported, never thrown.
 */
export class Scorm12Session {
  readonly entry: string;
  readonly mastery: number;
  readonly suspendData: string;
  private status: string;
  private best: number | undefined;
  private readonly startedAt: number;
  private cancelCommit?: () => void;
  private finished = false;
  private readonly told = new Set<string>();

  private constructor(private readonly api: Scorm12Api, private readonly options: SessionOptions) {
    this.startedAt = this.now();
    this.entry = this.get("cmi.core.entry");
    this.suspendData = this.get("cmi.suspend_data");
    const lmsMastery = Number.parseFloat(this.get("cmi.student_data.mastery_score"));
    this.mastery = Number.isFinite(lmsMastery) ? lmsMastery : options.mastery;
    const raw = Number.parseFloat(this.get("cmi.core.score.raw"));
    this.best = Number.isFinite(raw) ? raw : undefined;
    this.status = this.get("cmi.core.lesson_status");
    if (this.status === "" || this.status === "not attempted") {
      this.status = "incomplete";
      this.set("cmi.core.lesson_status", "incomplete");
      this.scheduleCommit();
    }
  }

  /** LMSInitialize; undefined when the LMS refuses the session (then the page runs as if outside one). */
  static start(api: Scorm12Api, options: SessionOptions): Scorm12Session | undefined {
    const tell = options.onError ?? (() => {});
    if (!guardedCall(api, "LMSInitialize", () => api.LMSInitialize(""), tell)) return undefined;
    return new Scorm12Session(api, options);
  }

  get lessonStatus(): string {
    return this.status;
  }

  /** After a run: `score` is the share of tests passed, 0–100. */
  reportScore(score: number): void {
    const rounded = Math.round(Math.min(100, Math.max(0, score)));
    this.best = Math.max(this.best ?? 0, rounded);
    this.set("cmi.core.score.min", "0");
    this.set("cmi.core.score.max", "100");
    this.set("cmi.core.score.raw", String(this.best));
    this.status = this.status === "passed" || this.best >= this.mastery ? "passed" : "failed";
    this.set("cmi.core.lesson_status", this.status);
    this.scheduleCommit();
  }

  /** Keeps `data` as the suspend data; false (and nothing sent) when it is longer than SCORM 1.2 allows. */
  saveSuspendData(data: string): boolean {
    if (data.length > SUSPEND_DATA_LIMIT) return false;
    this.set("cmi.suspend_data", data);
    this.scheduleCommit();
    return true;
  }

  /** Commits what is pending now (the page is being hidden). */
  flush(): void {
    if (this.finished) return;
    this.cancelCommit?.();
    this.cancelCommit = undefined;
    this.commit();
  }

  /** The end of the launch: time, exit mode, commit, LMSFinish. Safe to call more than once. */
  finish(): void {
    if (this.finished) return;
    this.flush();
    this.finished = true;
    this.call("LMSFinish", () => this.api.LMSFinish(""));
  }

  private commit(): void {
    this.set("cmi.core.session_time", sessionTime(this.now() - this.startedAt));
    this.set("cmi.core.exit", this.status === "passed" ? "" : "suspend");
    this.call("LMSCommit", () => this.api.LMSCommit(""));
  }

  private scheduleCommit(): void {
    if (this.finished) return;
    this.cancelCommit?.();
    const schedule = this.options.schedule ?? ((run, ms) => {
      const timer = setTimeout(run, ms);
      return () => clearTimeout(timer);
    });
    this.cancelCommit = schedule(() => {
      this.cancelCommit = undefined;
      this.commit();
    }, this.options.commitDelayMs ?? 1000);
  }

  /** A value the LMS may not have (an unset element reads as ""): not worth an error message. */
  private get(element: string): string {
    try {
      return String(this.api.LMSGetValue(element) ?? "");
    } catch {
      return "";
    }
  }

  private set(element: string, value: string): void {
    if (!this.finished) this.call(`LMSSetValue("${element}")`, () => this.api.LMSSetValue(element, value));
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  private call(what: string, invoke: () => string): boolean {
    return guardedCall(this.api, what, invoke, (message) => {
      if (this.told.has(message)) return;
      this.told.add(message);
      this.options.onError?.(message);
    });
  }
}

/** Runs one API call; on "false" or a throw, says what the LMS reports (LMSGetLastError, LMSGetErrorString). */
function guardedCall(api: Scorm12Api, what: string, invoke: () => string, tell: (message: string) => void): boolean {
  let result: string;
  try {
    result = String(invoke());
  } catch (error) {
    tell(`${what} threw: ${(error as Error).message}`);
    return false;
  }
  if (result === "true") return true;
  let code = "";
  let text = "";
  try {
    code = String(api.LMSGetLastError());
    text = String(api.LMSGetErrorString(code) ?? "");
  } catch {
    // The error itself cannot be read; the call's failure is still reported.
  }
  tell(`${what} failed: LMS error ${code || "unknown"}${text ? ` (${text})` : ""}`);
  return false;
}

/** CMITimespan: HHHH:MM:SS.SS. */
export function sessionTime(ms: number): string {
  const centis = Math.max(0, Math.round(ms / 10));
  const hours = Math.floor(centis / 360_000);
  const minutes = Math.floor((centis % 360_000) / 6000);
  const seconds = (centis % 6000) / 100;
  return `${String(Math.min(hours, 9999)).padStart(4, "0")}:${String(minutes).padStart(2, "0")}:${seconds.toFixed(2).padStart(5, "0")}`;
}
