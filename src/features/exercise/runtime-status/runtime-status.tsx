import type { RuntimeStatus as Status } from "../../../runtime/types";
import { useAppStore } from "../../../store";

const labels: Record<Status, string> = {
  idle: "Starting runtime…",
  booting: "Starting database…",
  ready: "Ready",
  running: "Running tests…",
  error: "Runtime error",
};

/**
 * Always visible, never modal: typing goes on while the worker and database boot. With the
 * WebContainer chosen, a notice says in words whether it is starting or why it is unavailable.
 */
export function RuntimeStatus({ required = false }: { required?: boolean }) {
  const status = useAppStore((s) => s.runtimeStatus);
  const detail = useAppStore((s) => s.runtimeDetail);
  const kind = useAppStore((s) => s.runtimeKind);
  const text = status === "error" ? `${labels.error}: ${detail ?? "unknown"}` : labels[status];
  const where = kind === "webcontainer" && !detail && status !== "error" ? " · WebContainer" : "";
  return (
    <>
      <p className={`runtime-status runtime-${status}`} role="status" aria-live="polite">
        <span className="dot" aria-hidden="true" />
        {text}
        {where}
      </p>
      {(required || (kind === "webcontainer" && detail && status !== "error")) && (
        <div className="runtime-notice" aria-live="polite">
          {required && <p>This exercise needs real Node and npm: it runs in the WebContainer runtime, whatever Settings say.</p>}
          {kind === "webcontainer" && detail && status !== "error" && <p>{detail}</p>}
        </div>
      )}
    </>
  );
}
