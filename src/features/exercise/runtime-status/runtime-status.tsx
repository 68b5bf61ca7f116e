import type { RuntimeStatus as Status } from "../../../runtime/types";
import { useAppStore } from "../../../store";

const labels: Record<Status, string> = {
  idle: "Starting runtime…",
  booting: "Starting database…",
  ready: "Ready",
  running: "Running tests…",
  error: "Runtime error",
};

/** Always visible, never modal: typing goes on while the worker and database boot. */
export function RuntimeStatus() {
  const status = useAppStore((s) => s.runtimeStatus);
  const detail = useAppStore((s) => s.runtimeDetail);
  const text = status === "error" ? `${labels.error}: ${detail ?? "unknown"}` : labels[status];
  return (
    <p className={`runtime-status runtime-${status}`} role="status" aria-live="polite">
      <span className="dot" aria-hidden="true" />
      {text}
    </p>
  );
}
