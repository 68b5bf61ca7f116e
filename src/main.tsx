import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app/app";
import { findExercise } from "./exercises/catalog";
import { interviewSettings } from "./exercises/interview-settings";
import { startWorkerEarly } from "./runtime/local/spawn-worker";
import { appStore } from "./store";
import { afterQuiet, runActivity } from "./app/after-startup";
import { registerServiceWorker } from "./platform/service-worker";
import "./app/app.css";

// The runtime worker starts before anything renders (the runtime itself waits for the stored
// settings), and on a database exercise's page PGlite boots in it at once.
const opened = interviewSettings?.slug ?? /^#\/exercises\/([^/?#]+)/.exec(location.hash)?.[1];
const slug = opened === undefined ? undefined : decodeURIComponent(opened);
startWorkerEarly(slug !== undefined && findExercise(slug)?.hasSeed === true ? slug : undefined);

// The worker and PGlite boot in the background from the first page on, so the first run is fast.
void appStore.getState().startRuntime().catch(() => {
  // The status line says what went wrong; nothing else depends on it here.
});

// Launched by an LMS (`roadlab scorm`): results and code go to it too. The LMS serves each package
// at its own address and the learner is online there, so nothing is precached for offline use.
const lms = new URLSearchParams(location.search);
if (lms.get("lms") === "scorm12" && opened !== undefined) {
  void import("./features/lms/scorm-bridge").then((m) => m.connectScorm(window, decodeURIComponent(opened), Number(lms.get("mastery") ?? 100)));
}

// Precaching for offline use downloads every file of the build: only once start-up is over and
// the learner is not running tests.
else if (import.meta.env.PROD) void afterQuiet().then(() => registerServiceWorker(runActivity.onChange));

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
