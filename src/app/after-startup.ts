import type { RuntimeStatus } from "../runtime/types";
import { appStore } from "../store";
import { whenQuiet, type RunActivity } from "./when-quiet";

/** The longest optional work waits for the start-up. */
const STARTUP_WAIT_MS = 8000;

let settled: Promise<void> | undefined;

/**
 * Resolves once the runtime has left its start-up (worker and database booting), or after
 * STARTUP_WAIT_MS. Work the learner is not waiting for (drawing a diagram, starting the TypeScript
 * service) goes after it: on a 2-core machine it otherwise delayed the editor and "Ready" by
 * hundreds of ms.
 */
export function afterStartup(): Promise<void> {
  const done = (status: RuntimeStatus) => status !== "idle" && status !== "booting";
  settled ??= new Promise((resolve) => {
    if (done(appStore.getState().runtimeStatus)) return resolve();
    const finish = () => {
      unsubscribe();
      clearTimeout(timer);
      resolve();
    };
    const unsubscribe = appStore.subscribe((state) => done(state.runtimeStatus) && finish());
    const timer = setTimeout(finish, STARTUP_WAIT_MS);
  });
  return settled;
}

let editorShown!: () => void;
const shown = new Promise<void>((resolve) => {
  editorShown = resolve;
});
let shownFallback: ReturnType<typeof setTimeout> | undefined;

/** Called by the code editor once mounted: what waits for it may start after its next paint. */
export function markEditorShown(): void {
  requestAnimationFrame(() => setTimeout(editorShown, 0));
}

/**
 * Resolves once the code editor has painted (or 3 s after the first call, for a page without one):
 * the starter code is what the learner waits for, so other panels' set-up (xterm measures its
 * fonts: ~0.25 s of main thread) goes after it.
 */
export function afterEditorShown(): Promise<void> {
  shownFallback ??= setTimeout(editorShown, 3000);
  return shown;
}

/**
 * Resolves after start-up once no run has been going for a few seconds. Precaching the build for
 * offline use writes ~50 MB into the cache and kept a core busy for ~20 s on a 2-core machine;
 * begun at "Ready", it slowed the learner's first runs 2–4× (bench, session 6).
 */
export function afterQuiet(): Promise<void> {
  return afterStartup().then(() => whenQuiet(runActivity));
}

/** The app's test runs: whether one is going, and each start and end. */
export const runActivity: RunActivity = {
  running: () => appStore.getState().runtimeStatus === "running",
  onChange: (listener) =>
    appStore.subscribe(({ runtimeStatus: now }, { runtimeStatus: before }) => {
      if ((now === "running") !== (before === "running")) listener(now === "running");
    }),
};
