import { useState } from "react";
import { ConfirmDialog } from "../confirm-dialog/confirm-dialog";
import type { SharedState } from "./use-shared-code";
import "./share.css";

export interface SharedBannerProps {
  shared: SharedState;
  /** Whether taking the shared code would replace saved work that differs from it. */
  wouldReplace: boolean;
  onTake(): void;
  onLeave(): void;
}

/** Says whose code is on screen and offers the two ways out; a broken link says why. */
export function SharedBanner({ shared, wouldReplace, onTake, onLeave }: SharedBannerProps) {
  const [asking, setAsking] = useState(false);
  if (shared.status === "none") return null;
  if (shared.status === "invalid") {
    return (
      <div className="shared-banner shared-invalid" role="alert">
        <p>
          <strong>This share link could not be opened:</strong> {shared.message}. Your own code is shown.
        </p>
        <button type="button" onClick={onLeave}>
          Dismiss
        </button>
      </div>
    );
  }
  return (
    <section className="shared-banner" aria-label="Shared code">
      <p role="status">
        <strong>{shared.status === "loading" ? "Opening shared code…" : "Shared code — read-only. Nothing has run."}</strong>{" "}
        {shared.status === "shown" && "Someone shared this code with you. Read it here, or take a copy to edit and run it."}
      </p>
      <div className="button-row">
        <button type="button" className="primary" disabled={shared.status !== "shown"} onClick={() => (wouldReplace ? setAsking(true) : onTake())}>
          Open as my copy
        </button>
        <button type="button" onClick={onLeave}>
          Back to my code
        </button>
      </div>
      <ConfirmDialog open={asking} title="Replace your code with the shared code?" confirmLabel="Replace my code" onConfirm={onTake} onClose={() => setAsking(false)}>
        <p>Your saved code for this exercise differs from the shared code. Opening the copy replaces your files with it.</p>
      </ConfirmDialog>
    </section>
  );
}
