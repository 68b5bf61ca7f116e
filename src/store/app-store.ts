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
  const store = createStore<AppState>()(
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
        merge: (stored, current) => {
          // Validates even same-version state: a damaged entry is dropped, not allowed to crash the app.
          const saved = salvage((stored ?? {}) as Record<string, unknown>);
          // IndexedDB answers after the first render: what this session did meanwhile (open an
          // exercise, start a run) is newer than what was saved, so it is merged on top.
          return { ...current, ...applyImport(saved, persistedPart(current)), settings: saved.settings };
        },
        // persist does not write after merging: save the merged state now, or what happened
        // before IndexedDB answered waits for the next change.
        onRehydrateStorage: () => () => void store.setState({}),
      },
    ),
  );
  return store;
}

export type AppStore = ReturnType<typeof createAppStore>;
