import type { RunResults } from "../../runtime/results";
import type { InterviewSettings } from "../../exercises/interview-settings";
import { applyChanges, LogChain, logEventSchema, replayFiles, type Change, type LogEntry, type LogEvent, type Submission } from "../../exercises/submission";
import { timeLeft } from "./timer";

/** localStorage's shape; tests pass a Map-backed one. */
export interface KeyValue {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

interface Meta {
  startedAtMs: number;
  startedAt: string;
  submitted?: { reason: "submitted" | "time-up"; at: string };
}

export interface SessionDeps {
  settings: InterviewSettings;
  starter: Record<string, string>;
  storage: KeyValue;
  now?: () => number;
}

type Entry = LogEntry extends infer E ? (E extends LogEntry ? Omit<E, "t"> : never) : never;

/**
 * One candidate's session of one task: the chained event log from the first open, persisted as
 * it grows (one key per event, so a keystroke writes one small entry and a crash loses at most
 * the event being hashed), keyed by the task hash so two tasks on one origin never mix. The
 * files are always what the log replays to.
 */
export class InterviewSession {
  readonly #prefix: string;
  #chain!: LogChain;
  #meta!: Meta;
  #files: Record<string, string> = {};
  #runs = new Map<number, RunResults>();
  #lastT = 0;
  /** Away from the page: blur and focus are logged once per change, whichever event told it. */
  #away = false;
  /** Set when the browser refused a write (storage full or blocked). */
  storageError?: string;

  private constructor(private readonly deps: SessionDeps & { now: () => number }) {
    this.#prefix = `roadlab-interview:${deps.settings.hash}:`;
  }

  /** Resumes the stored session (logging a reload) or starts one from the starter files. */
  static async open(deps: SessionDeps): Promise<InterviewSession> {
    const session = new InterviewSession({ now: Date.now, ...deps });
    await session.#restore();
    return session;
  }

  get settings(): InterviewSettings {
    return this.deps.settings;
  }
  get startedAtMs(): number {
    return this.#meta.startedAtMs;
  }
  get submitted(): Meta["submitted"] {
    return this.#meta.submitted;
  }
  /** The files as the log has them now (edits are applied at once, before they are hashed). */
  get files(): Record<string, string> {
    return { ...this.#files };
  }
  timeLeft(now = this.deps.now()): number | undefined {
    return timeLeft(this.#meta.startedAtMs, this.deps.settings.minutes, now);
  }
  elapsed(now = this.deps.now()): number {
    return Math.max(0, now - this.#meta.startedAtMs);
  }

  /**
   * Logs an edit. `text` is the editor's text after it: should the change set not rebuild it
   * (seen with Chromium's EditContext input under heavy load), the files are logged whole
   * (set-files) so the log still replays to exactly what the candidate has.
   */
  edit(file: string, changes: readonly Change[], text?: string): void {
    if (this.#meta.submitted || changes.length === 0) return;
    let next: string | undefined;
    try {
      next = applyChanges(this.#files[file] ?? "", changes);
    } catch {
      next = undefined;
    }
    if (next !== undefined && (text === undefined || next === text)) {
      this.#files[file] = next;
      void this.#record({ type: "edit", file, changes: changes.map(({ rangeOffset, rangeLength, text }) => ({ rangeOffset, rangeLength, text })) });
      return;
    }
    this.#files[file] = text ?? "";
    void this.#record({ type: "set-files", files: this.files });
  }
  paste(file: string, length: number): void {
    if (!this.#meta.submitted) void this.#record({ type: "paste", file, length });
  }
  blur(): void {
    if (this.#meta.submitted || this.#away) return;
    this.#away = true;
    void this.#record({ type: "blur" });
  }
  focus(): void {
    if (this.#meta.submitted || !this.#away) return;
    this.#away = false;
    void this.#record({ type: "focus" });
  }
  async run(results: RunResults): Promise<void> {
    if (this.#meta.submitted) return;
    const counted = results.tests.filter((t) => t.status !== "skip" && t.status !== "todo");
    const event = await this.#record({ type: "run", passed: counted.filter((t) => t.status === "pass").length, total: counted.length });
    this.#runs.set(event.seq, results);
    this.#write(`run:${event.seq}`, JSON.stringify(results));
  }

  /** Ends the session (once); later calls return the same submission. */
  async submit(reason: "submitted" | "time-up"): Promise<Submission> {
    if (!this.#meta.submitted) {
      this.#meta.submitted = { reason, at: new Date(this.deps.now()).toISOString() };
      await this.#record({ type: "submit", reason });
      this.#write("meta", JSON.stringify(this.#meta));
    }
    return this.submission();
  }

  /** The file the candidate hands in (also before submitting, for tests). */
  async submission(): Promise<Submission> {
    const log = await this.#chain.events();
    const { settings } = this.deps;
    return {
      format: "roadlab-submission",
      version: 1,
      task: { slug: settings.slug, title: settings.title, hash: settings.hash, minutes: settings.minutes, visible: settings.visible },
      startedAt: this.#meta.startedAt,
      submittedAt: this.#meta.submitted?.at ?? new Date(this.deps.now()).toISOString(),
      files: replayFiles(log),
      runs: [...this.#runs].filter(([seq]) => seq < log.length).map(([seq, results]) => ({ seq, results })),
      log,
    };
  }

  async #restore(): Promise<void> {
    const meta = this.#read<Meta>("meta");
    const events: LogEvent[] = [];
    for (let seq = 0; ; seq++) {
      const parsed = logEventSchema.safeParse(this.#read(`event:${seq}`));
      if (!parsed.success) break;
      events.push(parsed.data);
    }
    this.#chain = new LogChain(this.deps.settings.hash, events);
    this.#lastT = events.at(-1)?.t ?? 0;
    for (const event of events) {
      const results = event.type === "run" ? this.#read<RunResults>(`run:${event.seq}`) : undefined;
      if (results) this.#runs.set(event.seq, results);
    }
    if (meta && events.length > 0) {
      this.#meta = meta;
      this.#files = replayFiles(events);
      if (!meta.submitted) await this.#record({ type: "reload" });
      return;
    }
    // A meta without events: the first open crashed before its start event was saved; its clock stands.
    const startedAtMs = meta?.startedAtMs ?? this.deps.now();
    this.#meta = { startedAtMs, startedAt: new Date(startedAtMs).toISOString() };
    this.#write("meta", JSON.stringify(this.#meta));
    this.#files = { ...this.deps.starter };
    await this.#record({ type: "start", files: this.files, startedAt: this.#meta.startedAt });
  }

  #record(entry: Entry): Promise<LogEvent> {
    // The chain refuses time going backwards; a clock set back stays at the last event's time.
    const t = Math.max(this.#lastT, this.deps.now() - this.#meta.startedAtMs);
    this.#lastT = t;
    return this.#chain.append({ ...entry, t } as LogEntry).then((event) => {
      this.#write(`event:${event.seq}`, JSON.stringify(event));
      return event;
    });
  }

  #read<T>(key: string): T | undefined {
    try {
      const text = this.deps.storage.getItem(this.#prefix + key);
      return text === null ? undefined : (JSON.parse(text) as T);
    } catch {
      return undefined;
    }
  }

  #write(key: string, value: string): void {
    try {
      this.deps.storage.setItem(this.#prefix + key, value);
    } catch (error) {
      this.storageError = `your work could not be saved in this browser (${(error as Error).name}); do not reload the page`;
    }
  }
}
