import { appStore, exportFileName, exportProgress, persistedPart, useStorageHealth, type StorageHealth } from "../../store";
import { downloadJson } from "../progress-transfer/download";
import "./storage-notice.css";

const reasons: Record<Exclude<StorageHealth, { saving: true }>["reason"], string> = {
  unavailable: "this browser does not let the page store data here (a private window, or storage turned off).",
  full: "the browser's storage for this site is full.",
  failed: "the browser refused to save it.",
};

/**
 * Shown on every page while work is not reaching IndexedDB: the editor keeps working, and Export
 * is the way to keep what was typed.
 */
export function StorageNotice() {
  const health = useStorageHealth();
  if (health.saving) return null;
  const exportAll = () => downloadJson(exportFileName(), exportProgress(persistedPart(appStore.getState())));
  return (
    <div className="storage-notice" role="alert">
      <p>
        <strong>Your work is not being saved:</strong> {reasons[health.reason]} It is kept only while this tab stays open. Export
        it to keep a copy.
      </p>
      <button type="button" onClick={exportAll}>
        Export progress
      </button>
    </div>
  );
}
