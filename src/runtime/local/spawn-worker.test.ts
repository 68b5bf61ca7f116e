import { afterEach, describe, expect, it, vi } from "vitest";
import type { FromWorker } from "./protocol";

class FakeWorker {
  static created: FakeWorker[] = [];
  onmessage: ((event: MessageEvent<FromWorker>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  constructor(
    readonly url: URL,
    readonly options: WorkerOptions,
  ) {
    FakeWorker.created.push(this);
  }
  postMessage() {}
  terminate() {}
  say(data: FromWorker) {
    this.onmessage?.({ data } as MessageEvent<FromWorker>);
  }
}

describe("spawn-worker", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
    FakeWorker.created = [];
  });

  it("hands the early worker over once, with what it said before anyone listened", async () => {
    vi.stubGlobal("Worker", FakeWorker);
    const { spawnWorker, startWorkerEarly } = await import("./spawn-worker");
    startWorkerEarly("sql-queries");
    const raw = FakeWorker.created[0];
    expect(raw.options.name).toBe("roadlab-runtime+database:sql-queries");
    raw.say({ type: "database", state: "booting" });
    raw.say({ type: "ready" });

    const worker = spawnWorker();
    const heard: string[] = [];
    worker.onmessage = ({ data }) => heard.push(data.type === "database" ? `database ${data.state}` : data.type);
    await Promise.resolve();
    raw.say({ type: "database", state: "ready" });
    expect(heard).toEqual(["database booting", "ready", "database ready"]);

    spawnWorker();
    expect(FakeWorker.created).toHaveLength(2);
    expect(FakeWorker.created[1].options.name).toBe("roadlab-runtime");
  });
});
