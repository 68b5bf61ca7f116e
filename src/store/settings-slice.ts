import type { Slice } from "./app-store";
import { defaultSettings, type Settings } from "./persisted";

export interface SettingsSlice {
  settings: Settings;
  updateSettings(patch: Partial<Settings>): void;
}

export const createSettingsSlice: Slice<SettingsSlice> = (set) => ({
  settings: defaultSettings,
  updateSettings(patch) {
    set((s) => ({ settings: { ...s.settings, ...patch } }));
  },
});
