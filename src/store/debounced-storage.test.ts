import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { debouncedStorage, type KeyValue } from "./debounced-storage";

function memory() {
  const data = new Map<string, unknown>();
  const writes: unknown[] = [];
  const kv: KeyValue = {
    get: async (k) => data.get(k),
    set: async (k, v) => {
      writes.push(v);
      data.set(k, v);
    },
    del: async (k) => void data.delete(k),
  };
  return { kv, data, writes };
}

const value = (text: string) => ({ state: { files: { a: { "main.ts": text } } }, version: 1 });

/** A storage that has done its first read, as persist does before any write matters. */
async function loaded(kv: KeyValue, waitMs = 250) {
  const storage = debouncedStorage(kv, waitMs);
  await storage.getItem("roadlab");
  return storage;
}

describe("debouncedStorage", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("coalesces a burst of changes into one write of the newest value within the window", async () => {
    const { kv, writes } = memory();
    const storage = await loaded(kv);
    for (const text of ["a", "ab", "abc"]) {
      storage.setItem("roadlab", value(text));
      await vi.advanceTimersByTimeAsync(50);
    }
    expect(writes).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(100);
    expect(writes).toEqual([value("abc")]);
  });

  it("steady typing cannot postpone the write: each keystroke is on disk within the window", async () => {
    const { kv, data } = memory();
    const storage = await loaded(kv);
    const stored = () => Number((data.get("roadlab") as ReturnType<typeof value> | undefined)?.state.files.a["main.ts"] ?? -1);
    // A keystroke every 40 ms for 2 s: a trailing debounce would write nothing until it stops.
    for (let i = 0; i < 50; i++) {
      storage.setItem("roadlab", value(String(i)));
      await vi.advanceTimersByTimeAsync(40);
      // What was typed 280 ms (7 keystrokes) ago must be stored by now.
      if (i >= 7) expect(stored()).toBeGreaterThanOrEqual(i - 7);
    }
  });

  it("flush writes the pending value at once (tab hidden or closing)", async () => {
    const { kv, data } = memory();
    const storage = await loaded(kv);
    storage.setItem("roadlab", value("x"));
    await storage.flush();
    expect(data.get("roadlab")).toEqual(value("x"));
  });

  it("reads back a pending value before it is written", async () => {
    const storage = await loaded(memory().kv);
    storage.setItem("roadlab", value("pending"));
    expect(await storage.getItem("roadlab")).toEqual(value("pending"));
  });

  it("skips writes when the persisted state did not change", async () => {
    const { kv, writes } = memory();
    const storage = await loaded(kv);
    const state = value("same");
    storage.setItem("roadlab", state);
    await storage.flush();
    storage.setItem("roadlab", { ...state, state: { ...state.state } });
    await storage.flush();
    expect(writes).toHaveLength(1);
  });

  it("writes nothing before the first read, so defaults never overwrite saved work", async () => {
    const { kv, data, writes } = memory();
    data.set("roadlab", value("saved"));
    const storage = debouncedStorage(kv, 250);
    storage.setItem("roadlab", value("default"));
    await storage.flush();
    expect(writes).toEqual([]);
    expect(await storage.getItem("roadlab")).toEqual(value("saved"));
  });

  it("removeItem drops a pending write", async () => {
    const { kv, data } = memory();
    const storage = await loaded(kv);
    storage.setItem("roadlab", value("gone"));
    await storage.removeItem("roadlab");
    await vi.advanceTimersByTimeAsync(300);
    expect(data.has("roadlab")).toBe(false);
  });
});

describe("journal for unloading pages", () => {
  function memoryJournal() {
    const entries = new Map<string, unknown>();
    return { entries, read: (n: string) => entries.get(n), write: (n: string, v: unknown) => void entries.set(n, v), remove: (n: string) => void entries.delete(n) };
  }

  it("keeps a write still pending when the page unloads, and restores it on the next load", async () => {
    const { kv } = memory();
    const journal = memoryJournal();
    const first = debouncedStorage<{ n: number }>(kv, 250, journal);
    await first.getItem("app");
    first.setItem("app", { state: { n: 1 }, version: 1 });
    first.journalPending(); // pagehide: IndexedDB's write will not finish
    const next = debouncedStorage<{ n: number }>(kv, 250, journal);
    expect(await next.getItem("app")).toEqual({ state: { n: 1 }, version: 1 });
    expect(journal.entries.size).toBe(0);
  });

  it("writes nothing to the journal when nothing is pending", async () => {
    const journal = memoryJournal();
    const storage = debouncedStorage<{ n: number }>(memory().kv, 250, journal);
    await storage.getItem("app");
    storage.journalPending();
    expect(journal.entries.size).toBe(0);
  });
});

describe("debouncedStorage health", () => {
  const failing = (error: Error) => {
    const { kv, writes } = memory();
    let fail = true;
    const flaky: KeyValue = { ...kv, set: async (k, v) => (fail ? Promise.reject(error) : kv.set(k, v)) };
    return { kv: flaky, writes, recover: () => (fail = false) };
  };
  const quota = () => Object.assign(new Error("The quota has been exceeded."), { name: "QuotaExceededError" });

  it("says work is not being saved when a write fails, and saving again once one succeeds", async () => {
    const { kv, writes, recover } = failing(quota());
    const storage = await loaded(kv);
    const seen: unknown[] = [];
    storage.onHealth((h) => seen.push(h));
    storage.setItem("roadlab", value("a"));
    await storage.flush();
    expect(storage.health).toEqual({ saving: false, reason: "full", detail: "The quota has been exceeded." });
    recover();
    storage.setItem("roadlab", value("b"));
    await storage.flush();
    expect(storage.health).toEqual({ saving: true });
    expect(writes).toEqual([value("b")]);
    expect(seen).toHaveLength(2);
  });

  it("when IndexedDB cannot be read, answers with nothing saved and never writes over what may be there", async () => {
    const { kv, writes } = memory();
    const refused: KeyValue = { ...kv, get: async () => Promise.reject(new DOMException("denied", "InvalidStateError")) };
    const storage = debouncedStorage(refused, 250);
    expect(await storage.getItem("roadlab")).toBeNull();
    expect(storage.health).toMatchObject({ saving: false, reason: "unavailable" });
    storage.setItem("roadlab", value("typed"));
    await storage.flush();
    expect(writes).toEqual([]);
  });
});
