import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app/app";
import { appStore } from "./store";
import "./app/app.css";

// The worker and PGlite boot in the background from the first page on, so the first run is fast.
void appStore.getState().startRuntime().catch(() => {
  // The status line says what went wrong; nothing else depends on it here.
});

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
