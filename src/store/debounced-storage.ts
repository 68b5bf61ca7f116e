import { del, get, set, type UseStore } from "idb-keyval";
import type { PersistStorage, StorageValue } from "zustand/middleware";
import { shallow } from "zustand/vanilla/shallow";

/** Whether the learner's work reaches IndexedDB; the page says so when it does not. */
export type StorageHealth =
  | { saving: true }
  | { saving: false; reason: "unavailable" | "full" | "failed"; detail: string };

export interface FlushableStorage<S> extends PersistStorage<S> {
  readonly health: StorageHealth;
  onHealth(listener: (health: StorageHealth) => void): () => void;
  /** Writes the pending value now (tab hidden or closing). */
  flush(): Promise<void>;
  /**
   * Copies the pending value to the synchronous journal. A page being unloaded cannot wait for
   * IndexedDB, so a reload right after a change would otherwise lose it (seen in e2e: a pass
   * recorded 100 ms before reload was gone).
   */
  journalPending(): void;
}

/** A synchronous fallback store (localStorage in the app) for the moment a page unloads. */
export interface Journal {
  read(name: string): unknown;
  write(name: string, value: unknown): void;
  remove(name: string): void;
}

export function localStorageJournal(prefix = "roadlab-journal:"): Journal | undefined {
  if (typeof localStorage === "undefined") return undefined;
  return {
    read: (name) => {
      const text = localStorage.getItem(prefix + name);
      return text === null ? undefined : JSON.parse(text);
    },
    write: (name, value) => {
      try {
        localStorage.setItem(prefix + name, JSON.stringify(value));
      } catch {
        // Quota exceeded: IndexedDB still gets the write if the page lives long enough.
      }
    },
    remove: (name) => localStorage.removeItem(prefix + name),
  };
}

/** The few idb-keyval calls we use, so tests can count writes. */
export interface KeyValue {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  del(key: string): Promise<void>;
}

export function idbKeyValue(store?: UseStore): KeyValue {
  return { get: (k) => get(k, store), set: (k, v) => set(k, v, store), del: (k) => del(k, store) };
}

/**
 * zustand `persist` storage over IndexedDB that coalesces writes: the first change opens a
 * window of `waitMs`, later changes ride along, and the newest value is written when it closes.
 * Unlike a trailing debounce, steady typing cannot postpone the write, so every keystroke is on
 * disk within `waitMs` plus one IndexedDB transaction. Values are stored as structured clones,
 * not JSON strings: no stringify on the main thread per keystroke.
 */
export function debouncedStorage<S>(kv: KeyValue, waitMs = 250, journal?: Journal): FlushableStorage<S> {
  let pending: { name: string; value: StorageValue<S> } | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let writing: Promise<void> = Promise.resolve();
  /** What is (or is about to be) on disk, to skip writes when only unpersisted state changed. */
  let latest: StorageValue<S> | undefined;
  /** False until the first read: a write before it would store pre-hydration defaults over saved work. */
  let loaded = false;
  /**
   * The first read failed: what is saved is unknown, so nothing is written over it (a read that
   * failed once and a write that then succeeded would replace saved work with an empty state).
   */
  let readFailed = false;
  let health: StorageHealth = { saving: true };
  const listeners = new Set<(health: StorageHealth) => void>();
  const setHealth = (next: StorageHealth) => {
    if (next.saving === health.saving && (next.saving || (!health.saving && next.reason === health.reason))) return;
    health = next;
    for (const listener of listeners) listener(next);
  };

  function flush(): Promise<void> {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    const next = pending;
    pending = undefined;
    // Chained, so an older write can never land after a newer one.
    if (next && !readFailed) {
      writing = writing.then(() => kv.set(next.name, next.value)).then(
        () => setHealth({ saving: true }),
        (error: unknown) => {
          console.error("Saving to IndexedDB failed", error);
          setHealth(failure(error, "failed"));
        },
      );
    }
    return writing;
  }

  return {
    async getItem(name) {
      if (pending?.name === name) return pending.value;
      try {
        // A journal entry exists only if the last page unloaded with a write pending: it is newest.
        const journaled = journal?.read(name) as StorageValue<S> | undefined;
        if (journaled) {
          await kv.set(name, journaled);
          journal?.remove(name);
        }
        const stored = journaled ?? ((await kv.get(name)) as StorageValue<S> | undefined) ?? null;
        latest = stored ?? undefined;
        return stored;
      } catch (error) {
        // IndexedDB refused (a private window, storage disabled): the app still works, unsaved.
        console.error("Reading from IndexedDB failed", error);
        readFailed = true;
        setHealth(failure(error, "unavailable"));
        return null;
      } finally {
        loaded = true;
      }
    },
    setItem(name, value) {
      if (!loaded) return;
      // persist calls this on every set(), run events included; unchanged slices keep their identity.
      if (latest && latest.version === value.version && shallow(latest.state, value.state)) return;
      latest = value;
      pending = { name, value };
      timer ??= setTimeout(() => void flush(), waitMs);
    },
    async removeItem(name) {
      if (pending?.name === name) pending = undefined;
      latest = undefined;
      await kv.del(name);
    },
    flush,
    get health() {
      return health;
    },
    onHealth(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    journalPending() {
      if (pending) journal?.write(pending.name, pending.value);
    },
  };
}

function failure(error: unknown, otherwise: "unavailable" | "failed"): StorageHealth {
  const name = (error as { name?: string } | null)?.name;
  const detail = error instanceof Error || (typeof error === "object" && error !== null && "message" in error) ? String((error as Error).message) : String(error);
  return { saving: false, reason: name === "QuotaExceededError" ? "full" : otherwise, detail };
}

/** Flushes when the page is hidden or unloaded: the last chance before a tab is discarded. */
export function flushOnHide(storage: { flush(): Promise<void>; journalPending?(): void }, target: Window = window): () => void {
  const onVisibility = () => {
    if (target.document.visibilityState === "hidden") void storage.flush();
  };
  const onPageHide = () => {
    storage.journalPending?.();
    void storage.flush();
  };
  target.document.addEventListener("visibilitychange", onVisibility);
  target.addEventListener("pagehide", onPageHide);
  return () => {
    target.document.removeEventListener("visibilitychange", onVisibility);
    target.removeEventListener("pagehide", onPageHide);
  };
}
