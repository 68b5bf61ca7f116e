/**
 * Tabs of the app stay in sync as you type: every change to what is persisted is broadcast to the
 * other tabs of this origin as a patch (only the exercises that changed), and a tab that has just
 * loaded asks the others for their state, which is newer than IndexedDB while a write is pending.
 * Every tab then holds the same state, so whichever writes last writes everyone's edits; an edit
 * made in one tab shows in the other's editor at once, never silently overwritten on reload.
 */
import type { StoreApi } from "zustand/vanilla";
import type { ExerciseProgress, PersistedState } from "./persisted";

type FileMap = Record<string, string>;

/**
 * Changed entries only, files file by file (two tabs may edit two files of one exercise at once);
 * null removes an entry (a reset to the starter).
 */
export interface Patch {
  files?: Record<string, Record<string, string | null> | null>;
  progress?: Record<string, ExerciseProgress | null>;
  settings?: PersistedState["settings"];
  lastOpened?: string;
}

export type TabMessage =
  | { type: "hello"; from: string }
  | { type: "state"; from: string; to: string; patch: Patch }
  | { type: "patch"; from: string; patch: Patch };

/** The parts of BroadcastChannel this uses; tests pass Node's own. */
export interface Channel {
  postMessage(message: TabMessage): void;
  onmessage: ((event: MessageEvent<TabMessage>) => void) | null;
  close(): void;
}

interface SyncedStore<S> {
  store: StoreApi<S>;
  persisted(state: S): PersistedState;
  /** True once IndexedDB has answered; before that, the state is not the learner's yet. */
  hydrated(): boolean;
  onHydrated(listener: () => void): () => void;
}

export function diff(before: PersistedState, after: PersistedState): Patch | undefined {
  const patch: Patch = {};
  const files = changedFiles(before.files, after.files);
  const progress = changedEntries(before.progress, after.progress);
  if (files) patch.files = files;
  if (progress) patch.progress = progress;
  if (before.settings !== after.settings) patch.settings = after.settings;
  if (before.lastOpened !== after.lastOpened && after.lastOpened !== undefined) patch.lastOpened = after.lastOpened;
  return Object.keys(patch).length > 0 ? patch : undefined;
}

export function applyPatch(state: PersistedState, patch: Patch): PersistedState {
  return {
    files: patchFiles(state.files, patch.files),
    progress: patchRecord(state.progress, patch.progress),
    settings: patch.settings ?? state.settings,
    lastOpened: patch.lastOpened ?? state.lastOpened,
  };
}

/** The whole state as a patch: the answer to a tab that has just loaded. */
export function fullPatch(state: PersistedState): Patch {
  return { files: state.files, progress: state.progress, settings: state.settings, lastOpened: state.lastOpened };
}

export function syncTabs<S>(synced: SyncedStore<S>, channel: Channel, tabId = crypto.randomUUID()): () => void {
  const { store, persisted } = synced;
  let applying = false;
  const early: Patch[] = [];

  const apply = (patch: Patch) => {
    if (!synced.hydrated()) return void early.push(patch);
    applying = true;
    try {
      store.setState(applyPatch(persisted(store.getState()), patch) as unknown as Partial<S>);
    } finally {
      applying = false;
    }
  };

  channel.onmessage = ({ data }) => {
    if (data.from === tabId) return;
    if (data.type === "hello") {
      if (synced.hydrated()) channel.postMessage({ type: "state", from: tabId, to: data.from, patch: fullPatch(persisted(store.getState())) });
    } else if (data.type === "patch" || (data.type === "state" && data.to === tabId)) {
      apply(data.patch);
    }
  };

  const unsubscribe = store.subscribe((state, previous) => {
    if (applying || !synced.hydrated()) return;
    const patch = diff(persisted(previous), persisted(state));
    if (patch) channel.postMessage({ type: "patch", from: tabId, patch });
  });

  const start = () => {
    for (const patch of early.splice(0)) apply(patch);
    channel.postMessage({ type: "hello", from: tabId });
  };
  const stopWaiting = synced.hydrated() ? (start(), () => {}) : synced.onHydrated(start);

  return () => {
    stopWaiting();
    unsubscribe();
    channel.onmessage = null;
    channel.close();
  };
}

function changedFiles(before: Record<string, FileMap>, after: Record<string, FileMap>) {
  const changed = changedEntries(before, after);
  if (!changed) return undefined;
  return Object.fromEntries(
    Object.entries(changed).map(([slug, files]) => [slug, files === null ? null : (changedEntries(before[slug] ?? {}, files) ?? {})]),
  );
}

function patchFiles(files: Record<string, FileMap>, patch: Patch["files"]): Record<string, FileMap> {
  if (!patch) return files;
  const next = { ...files };
  for (const [slug, changed] of Object.entries(patch)) {
    if (changed === null) delete next[slug];
    else next[slug] = patchRecord(next[slug] ?? {}, changed);
  }
  return next;
}

function changedEntries<T>(before: Record<string, T>, after: Record<string, T>): Record<string, T | null> | undefined {
  const changed: Record<string, T | null> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (before[key] !== after[key]) changed[key] = key in after ? after[key] : null;
  }
  return Object.keys(changed).length > 0 ? changed : undefined;
}

function patchRecord<T>(record: Record<string, T>, patch: Record<string, T | null> | undefined): Record<string, T> {
  if (!patch) return record;
  const next = { ...record };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete next[key];
    else next[key] = value;
  }
  return next;
}
