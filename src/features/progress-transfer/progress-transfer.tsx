import { useRef, useState, type ChangeEvent } from "react";
import { appStore, exportFileName, exportProgress, flushStorage, parseImport, persistedPart } from "../../store";
import type { PersistedState } from "../../store/persisted";
import { ConfirmDialog } from "../confirm-dialog/confirm-dialog";
import { downloadJson } from "./download";

type Message = { kind: "ok" | "error"; text: string };

/** Export all code and progress to one JSON file, or import such a file (validated first). */
export function ProgressTransfer() {
  const input = useRef<HTMLInputElement>(null);
  const [pending, setPending] = useState<PersistedState>();
  const [message, setMessage] = useState<Message>();

  const exportAll = () => {
    downloadJson(exportFileName(), exportProgress(persistedPart(appStore.getState())));
    setMessage({ kind: "ok", text: "Exported your code and progress." });
  };

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = "";
    if (!file) return;
    const result = parseImport(await file.text());
    if (result.ok) setPending(result.data);
    else setMessage({ kind: "error", text: `${file.name}: ${result.message}` });
  };

  const confirmImport = () => {
    if (!pending) return;
    appStore.getState().importData(pending);
    void flushStorage();
    setMessage({ kind: "ok", text: `Imported ${plural(count(pending))}.` });
  };

  return (
    <section className="progress-transfer" aria-labelledby="transfer-heading">
      <h2 id="transfer-heading">Your code and progress</h2>
      <p className="muted">Kept in this browser only. Export them to back them up or move to another browser.</p>
      <div className="button-row">
        <button type="button" onClick={exportAll}>
          Export progress
        </button>
        <button type="button" onClick={() => input.current?.click()}>
          Import progress
        </button>
        <input ref={input} type="file" accept=".json,application/json" hidden onChange={(e) => void onFile(e)} aria-label="Progress file to import" />
      </div>
      {message && (
        <p className={message.kind === "error" ? "transfer-error" : "transfer-ok"} role={message.kind === "error" ? "alert" : "status"}>
          {message.text}
        </p>
      )}
      <ConfirmDialog
        open={pending !== undefined}
        title="Import this progress file?"
        confirmLabel="Import"
        onConfirm={confirmImport}
        onClose={() => setPending(undefined)}
      >
        <p>
          It holds {plural(pending ? count(pending) : 0)}. For each of them, its files replace yours in this browser; progress
          keeps whichever got further. Exercises not in the file are left as they are.
        </p>
      </ConfirmDialog>
    </section>
  );
}

function count(state: PersistedState): number {
  return new Set([...Object.keys(state.files), ...Object.keys(state.progress)]).size;
}

function plural(n: number): string {
  return `${n} exercise${n === 1 ? "" : "s"}`;
}
