import { useStore } from "zustand";
import { useSyncExternalStore } from "react";
import { findExercise, loadExerciseFiles } from "../exercises/catalog";
import { createRuntime, isContainerRuntime } from "../runtime";
import { createAppStore, type AppState } from "./app-store";
import { debouncedStorage, flushOnHide, idbKeyValue, localStorageJournal, type StorageHealth } from "./debounced-storage";
import { persistedPart } from "./app-store";
import { syncTabs, type Channel } from "./tab-sync";
import type { PersistedState } from "./persisted";
import { runtimeOverride, whenHydrated } from "./runtime-choice";

const storage = debouncedStorage<PersistedState>(idbKeyValue(), 250, localStorageJournal());

/** The app's one store. Components read it through `useAppStore`; nothing else holds the runtime. */
export const appStore = createAppStore({
  storage,
  createRuntime,
  isContainer: isContainerRuntime,
  async chooseRuntime() {
    const override = runtimeOverride(location.search);
    if (override) return override;
    await whenHydrated(appStore.persist);
    return appStore.getState().settings.runtime;
  },
  async loadExercise(slug) {
    const entry = findExercise(slug);
    return entry && { config: entry.config, files: await loadExerciseFiles(entry.path) };
  },
});

flushOnHide(storage);

// Every tab of the app holds the same state, edits included, as they are typed (tab-sync.ts).
if (typeof BroadcastChannel !== "undefined") {
  syncTabs(
    {
      store: appStore,
      persisted: persistedPart,
      hydrated: () => appStore.persist.hasHydrated(),
      onHydrated: (listener) => appStore.persist.onFinishHydration(listener),
    },
    new BroadcastChannel("roadlab-store") as unknown as Channel,
  );
}

/** Whether work reaches IndexedDB; the storage notice says so when it does not. */
export function useStorageHealth(): StorageHealth {
  return useSyncExternalStore(storage.onHealth, () => storage.health);
}

export function useAppStore<T>(selector: (state: AppState) => T): T {
  return useStore(appStore, selector);
}

/** False until IndexedDB has answered; the editor waits for it so saved code is what it shows. */
export function useHydrated(): boolean {
  return useSyncExternalStore(appStore.persist.onFinishHydration, appStore.persist.hasHydrated);
}

export { flushStorage };
function flushStorage(): Promise<void> {
  return storage.flush();
}

export type { AppState } from "./app-store";
export { learnerFiles } from "./files-slice";
export { latestRun } from "./runtime-slice";
export { runtimeOverride } from "./runtime-choice";
export { progressLabels, progressStatus } from "./progress";
export { exportFileName, exportProgress, parseImport } from "./transfer";
export { persistedPart };
export type { StorageHealth } from "./debounced-storage";
export type { RunLog } from "./run-log";
