import { useSyncExternalStore } from "react";

/**
 * The page's side of the service worker (build/service-worker.js): registers it once start-up is
 * over, and tells the UI whether the app works offline and whether a new version arrived.
 */
export interface OfflineState {
  /** "ready": every file of this build is cached, the app opens and runs tests offline. */
  status: "unavailable" | "installing" | "ready";
  /** "ready": a new version is cached and opens on the next load; "applied": this load is it. */
  update?: "ready" | "applied";
}

const UPDATED_KEY = "roadlab:updated";
let state: OfflineState = { status: "unavailable" };
const listeners = new Set<() => void>();

function set(next: Partial<OfflineState>) {
  state = { ...state, ...next };
  document.documentElement.dataset.offline = state.status;
  for (const listener of listeners) listener();
}

export function useOfflineState(): OfflineState {
  return useSyncExternalStore(
    (listener) => (listeners.add(listener), () => listeners.delete(listener)),
    () => state,
  );
}

export function dismissUpdate(): void {
  set({ update: undefined });
}

/** Calls its listener with true when the page starts running tests and false when it stops. */
export type BusySignal = (listener: (busy: boolean) => void) => () => void;

/** `busy`: precaching pauses while it says true, so it never slows the learner's test runs. */
export async function registerServiceWorker(busy?: BusySignal): Promise<void> {
  if (!("serviceWorker" in navigator)) return;
  const container = navigator.serviceWorker;
  container.addEventListener("message", ({ data }) => {
    if (data?.source !== "roadlab-sw") return;
    if (data.type === "installed") set({ status: "ready" });
    if (data.type === "updated") {
      localStorage.setItem(UPDATED_KEY, data.version);
      set({ status: "ready", update: "ready" });
    }
    if (data.type === "version") {
      const updatedTo = localStorage.getItem(UPDATED_KEY);
      if (updatedTo === data.version) {
        localStorage.removeItem(UPDATED_KEY);
        set({ update: "applied" });
      }
    }
  });
  if (container.controller) {
    set({ status: "ready" });
    container.controller.postMessage({ type: "version" });
  } else {
    set({ status: "installing" });
  }
  try {
    const registration = await container.register(new URL("sw.js", document.baseURI), { scope: "./" });
    // Only an installing worker is precaching; the subscription lasts the page's life, as a new
    // version can start installing at any time.
    busy?.((running) => registration.installing?.postMessage({ type: running ? "pause" : "resume" }));
  } catch {
    set({ status: "unavailable" });
  }
}
