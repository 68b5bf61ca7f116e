import { useId, useRef, useState, type FormEvent } from "react";
import type { RuntimeKind } from "../../runtime";
import { appStore, flushStorage, runtimeOverride, useAppStore } from "../../store";
import "./settings.css";

const CHOICES: { kind: RuntimeKind; label: string; about: string }[] = [
  { kind: "local", label: "In the page (default, works offline)", about: "Tests run in a worker in this page: starts fast, needs no network and no third party." },
  {
    kind: "webcontainer",
    label: "WebContainer (real Node and npm, needs internet)",
    about: "Loads StackBlitz's hosted runtime: real npm install, Vitest and a shell. Commercial production use needs StackBlitz's licence.",
  },
];

/**
 * A button named Settings and its native modal dialog (focus trapped, Escape closes). Saving a
 * new runtime reloads the page: a WebContainer boots once per page and cannot be torn down
 * cleanly, so a fresh page is the one switch that always works; saved code is flushed first.
 */
export function SettingsButton() {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const saved = useAppStore((s) => s.settings.runtime);
  const override = runtimeOverride(location.search);
  const current = override ?? saved;
  const [choice, setChoice] = useState<RuntimeKind>(current);

  const open = () => {
    setChoice(current);
    dialog.current?.showModal();
  };
  const save = async (event: FormEvent) => {
    event.preventDefault();
    dialog.current?.close();
    if (choice === current && !override) return;
    appStore.getState().updateSettings({ runtime: choice });
    await flushStorage();
    const url = new URL(location.href);
    url.searchParams.delete("runtime");
    if (url.href === location.href) location.reload();
    else location.assign(url.href);
  };

  return (
    <>
      <button type="button" className="settings-button" onClick={open}>
        Settings
      </button>
      <dialog ref={dialog} className="confirm-dialog settings-dialog" aria-labelledby={titleId}>
        <form onSubmit={(event) => void save(event)}>
          <h2 id={titleId}>Settings</h2>
          <fieldset>
            <legend>Where tests run</legend>
            {CHOICES.map(({ kind, label, about }) => (
              <div key={kind} className="runtime-choice">
                <input
                  type="radio"
                  id={`${titleId}-${kind}`}
                  name="runtime"
                  value={kind}
                  checked={choice === kind}
                  aria-describedby={`${titleId}-${kind}-about`}
                  onChange={() => setChoice(kind)}
                />
                <span>
                  <label htmlFor={`${titleId}-${kind}`}>{label}</label>
                  <small id={`${titleId}-${kind}-about`}>{about}</small>
                </span>
              </div>
            ))}
          </fieldset>
          {override && (
            <p className="muted">
              This page's address asks for {override === "local" ? "the in-page runtime" : "the WebContainer"} (<code>?runtime={override}</code>); saving removes that.
            </p>
          )}
          <p className="muted">Saving a different choice reloads the page; your code is kept.</p>
          <div className="confirm-actions">
            <button type="button" onClick={() => dialog.current?.close()}>
              Cancel
            </button>
            <button type="submit" className="primary">
              Save
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}
