import { useEffect, useId, useRef, type ReactNode } from "react";

export interface ConfirmDialogProps {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm(): void;
  onClose(): void;
}

/**
 * Asks before something drastic. The native modal <dialog> traps focus, makes the page inert
 * and closes on Escape; Cancel has focus first, so Enter never confirms by accident.
 */
export function ConfirmDialog({ open, title, children, confirmLabel, onConfirm, onClose }: ConfirmDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog ref={ref} className="confirm-dialog" aria-labelledby={titleId} onClose={onClose}>
      <h2 id={titleId}>{title}</h2>
      <div className="confirm-body">{children}</div>
      <form method="dialog" className="confirm-actions">
        <button type="submit" value="cancel" autoFocus>
          Cancel
        </button>
        <button type="submit" value="confirm" className="danger" onClick={onConfirm}>
          {confirmLabel}
        </button>
      </form>
    </dialog>
  );
}
