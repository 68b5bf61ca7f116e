import { useState } from "react";
import "./preview.css";

/**
 * What a server started by learner code in the WebContainer serves, framed from StackBlitz's
 * preview origin (allowed by frame-src). Reload re-fetches after the learner changes the server.
 */
export default function PreviewPane({ port, url }: { port: number; url: string }) {
  const [reloads, setReloads] = useState(0);
  return (
    <section className="preview-pane" aria-label="Preview">
      <div className="preview-bar">
        <h2>Preview · port {port}</h2>
        <a href={url} target="_blank" rel="noreferrer" className="preview-url">
          {url}
        </a>
        <button type="button" onClick={() => setReloads(reloads + 1)}>
          Reload
        </button>
      </div>
      <iframe key={reloads} src={url} title={`Preview of the server on port ${port}`} />
    </section>
  );
}
