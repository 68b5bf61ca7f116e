import { dismissUpdate, useOfflineState } from "../../platform/service-worker";
import "./update-notice.css";

/** Says when a new version of the app is waiting for a reload, and when this load brought it. */
export function UpdateNotice() {
  const { update } = useOfflineState();
  if (!update) return null;
  return (
    <div className="update-notice" role="status">
      {update === "ready" ? (
        <>
          <span>A new version of Roadlab is ready. It opens the next time you load the page.</span>
          <button type="button" onClick={() => location.reload()}>Reload now</button>
        </>
      ) : (
        <span>Roadlab was updated to a new version. Your code and progress are as you left them.</span>
      )}
      <button type="button" aria-label="Dismiss" onClick={dismissUpdate}>×</button>
    </div>
  );
}
