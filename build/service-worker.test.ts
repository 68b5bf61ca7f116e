import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import vm from "node:vm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

const SOURCE = readFileSync(fileURLToPath(new URL("./service-worker.js", import.meta.url)), "utf8");
const FILES = Array.from({ length: 20 }, (_, i) => `assets/chunk-${i}.js`);

/** build/service-worker.js in a sandbox with a fake network and cache: what it fetched and stored. */
function load() {
  const handlers: Record<string, (event: unknown) => void> = {};
  const fetched: string[] = [];
  const stored: string[] = [];
  const self = {
    addEventListener: (type: string, handler: (event: unknown) => void) => (handlers[type] = handler),
    registration: { scope: "http://app.test/" },
    location: { origin: "http://app.test" },
    skipWaiting: async () => {},
  };
  const cache = { put: async (url: string) => void stored.push(url) };
  const context = vm.createContext({
    self,
    URL,
    setTimeout,
    clearTimeout,
    caches: { open: async () => cache, match: async () => undefined, keys: async () => [] },
    fetch: async (url: string) => (fetched.push(url), { ok: true, status: 200 }),
  });
  vm.runInContext(`const VERSION = "test";\nconst FILES = ${JSON.stringify(FILES)};\n${SOURCE}`, context);
  let installed = false;
  return {
    fetched,
    stored,
    get installed() {
      return installed;
    },
    install() {
      handlers.install({ waitUntil: (work: Promise<void>) => void work.then(() => (installed = true)) });
    },
    message: (type: string) => handlers.message({ data: { type }, source: null }),
  };
}

describe("service worker precache", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("stores every file of the build", async () => {
    const sw = load();
    sw.install();
    await vi.advanceTimersByTimeAsync(0);
    expect(sw.installed).toBe(true);
    expect(sw.stored).toHaveLength(FILES.length);
  });

  it("downloads nothing while the page runs tests, and goes on when they end", async () => {
    const sw = load();
    sw.message("pause");
    sw.install();
    await vi.advanceTimersByTimeAsync(1000);
    expect(sw.fetched).toEqual([]);
    sw.message("resume");
    await vi.advanceTimersByTimeAsync(0);
    expect(sw.installed).toBe(true);
    expect(sw.stored).toHaveLength(FILES.length);
  });

  it("goes on by itself when a paused page never says resume", async () => {
    const sw = load();
    sw.message("pause");
    sw.install();
    await vi.advanceTimersByTimeAsync(29_000);
    expect(sw.fetched).toEqual([]);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(sw.installed).toBe(true);
  });
});
