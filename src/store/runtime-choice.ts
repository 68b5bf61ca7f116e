import type { RuntimeKind } from "../runtime";

/** `?runtime=webcontainer` (or `local`) before the hash overrides the setting for one page load. */
export function runtimeOverride(search: string): RuntimeKind | undefined {
  const value = new URLSearchParams(search).get("runtime");
  return value === "local" || value === "webcontainer" ? value : undefined;
}

/** Resolves once saved settings are in (IndexedDB answers after the first render), or after `ms`. */
export function whenHydrated(persist: { hasHydrated(): boolean; onFinishHydration(fn: () => void): () => void }, ms = 3_000): Promise<void> {
  return new Promise((resolve) => {
    if (persist.hasHydrated()) return resolve();
    const stop = persist.onFinishHydration(() => {
      stop();
      resolve();
    });
    // A broken IndexedDB must not keep tests from running: the defaults apply.
    setTimeout(resolve, ms);
  });
}
