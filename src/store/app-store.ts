import { createStore, type StateCreator } from "zustand/vanilla";
import { persist, type PersistStorage } from "zustand/middleware";
import { createFilesSlice, type FilesSlice } from "./files-slice";
import { migrate, PERSIST_VERSION, salvage, type PersistedState } from "./persisted";
import { createProgressSlice, type ProgressSlice } from "./progress-slice";
import { createRuntimeSlice, type RuntimeDeps, type RuntimeSlice } from "./runtime-slice";
import { createSettingsSlice, type SettingsSlice } from "./settings-slice";
import { applyImport } from "./transfer";

interface TransferSlice {
  /** Merges an imported export (already validated by parseImport) into what is here. */
  importData(data: PersistedState): void;
}

export type AppState = FilesSlice & ProgressSlice & SettingsSlice & RuntimeSlice & TransferSlice;
export type Slice<T> = StateCreator<AppState, [["zustand/persist", unknown]], [], T>;

export const STORAGE_KEY = "roadlab";

export interface AppStoreDeps extends RuntimeDeps {
  storage: PersistStorage<PersistedState>;
}

export function persistedPart(state: AppState): PersistedState {
  return { files: state.files, progress: state.progress, lastOpened: state.lastOpened, settings: state.settings };
}

/** One store of slices; only files, progress and settings reach IndexedDB. */
export function createAppStore(deps: AppStoreDeps) {
  return createStore<AppState>()(
    persist(
      (...a) => ({
        ...createFilesSlice(...a),
        ...createProgressSlice(...a),
        ...createSettingsSlice(...a),
        ...createRuntimeSlice(deps)(...a),
        importData: (data) => a[0](applyImport(persistedPart(a[1]()), data)),
      }),
      {
        name: STORAGE_KEY,
        version: PERSIST_VERSION,
        storage: deps.storage,
        partialize: persistedPart,
        migrate: (stored, version) => migrate(stored, version),
        // Validates even same-version state: a damaged entry is dropped, not allowed to crash the app.
        merge: (stored, current) => ({ ...current, ...salvage((stored ?? {}) as Record<string, unknown>) }),
      },
    ),
  );
}

export type AppStore = ReturnType<typeof createAppStore>;
