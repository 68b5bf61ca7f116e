import { useId, useState } from "react";
import { LONG_LINK, shareUrl, type SharedFiles } from "./share-code";
import "./share.css";

type Outcome = { kind: "copied" | "shown"; url: string } | { kind: "failed"; message: string };

/** Copies a link that opens this code read-only; shows the link instead when the clipboard is refused. */
export function ShareButton({ slug, files }: { slug: string; files?: SharedFiles }) {
  const [outcome, setOutcome] = useState<Outcome>();
  const fieldId = useId();

  const share = async () => {
    if (!files) return;
    let url: string;
    try {
      url = await shareUrl(location.href, slug, files);
    } catch (error) {
      return setOutcome({ kind: "failed", message: `The link could not be made: ${(error as Error).message}` });
    }
    try {
      await navigator.clipboard.writeText(url);
      setOutcome({ kind: "copied", url });
    } catch {
      setOutcome({ kind: "shown", url });
    }
  };

  return (
    <span className="share">
      <button type="button" onClick={() => void share()} disabled={!files}>
        Share
      </button>
      <span role="status" className="share-status">
        {outcome?.kind === "copied" && "Link copied"}
        {outcome?.kind === "failed" && outcome.message}
        {outcome && outcome.kind !== "failed" && outcome.url.length > LONG_LINK && (
          <span className="share-warning">
            {" "}
            This link is {outcome.url.length.toLocaleString("en")} characters long; some apps and browsers cut long links off.
          </span>
        )}
      </span>
      {outcome?.kind === "shown" && (
        <span className="share-fallback">
          <label htmlFor={fieldId}>The clipboard is not available here. Copy the link:</label>
          <input id={fieldId} readOnly value={outcome.url} onFocus={(e) => e.currentTarget.select()} autoFocus />
        </span>
      )}
    </span>
  );
}
