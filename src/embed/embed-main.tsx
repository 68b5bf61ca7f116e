import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { setColorScheme } from "../app/use-color-scheme";
import { findExercise } from "../exercises/catalog";
import { StorageNotice } from "../features/storage-notice/storage-notice";
import { startWorkerEarly } from "../runtime/local/spawn-worker";
import { appStore } from "../store";
import { parseEmbedHash } from "./embed-route";
import { EmbedWorkspace } from "./embed-workspace";
import { envelope } from "./protocol";
import "../app/app.css";
import "../features/exercise/workspace.css";
import "./embed.css";

// Read once: the host chose the exercise and its own origin; a later hash change is not a new host.
const route = parseEmbedHash(location.hash);
const entry = findExercise(route.slug);
if (route.theme) setColorScheme(route.theme);
if (route.problem) console.warn(`Roadlab embed: ${route.problem}; not talking to the host page.`);

startWorkerEarly(entry?.hasSeed === true ? route.slug : undefined);
void appStore.getState().startRuntime().catch(() => {
  // The runtime status says what went wrong.
});

if (!entry && route.parent && window.parent !== window) {
  window.parent.postMessage(envelope({ type: "error", message: `slug: no exercise called "${route.slug}"` }), route.parent);
}

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <StorageNotice />
    {entry ? (
      <EmbedWorkspace key={entry.slug} entry={entry} parent={window.parent !== window ? route.parent : undefined} />
    ) : (
      <main className="page">
        <h1>No exercise called “{route.slug}”</h1>
        <p>The address of this embedded exercise names no exercise of this Roadlab.</p>
      </main>
    )}
  </StrictMode>,
);
