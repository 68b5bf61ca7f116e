import type { Runtime, RuntimeStatus } from "./types";

/**
 * Prefers one runtime and falls back to another: runs go to the preferred one once it is ready,
 * and to the fallback while it boots or after it failed, so Run tests always works. The failure
 * reason reaches status listeners as the detail, for the page to say in words.
 */
export function withFallback<T extends Runtime>(preferred: T, fallback: Runtime, name: string): Runtime & { preferred: T; unavailable(): string | undefined } {
  let failure: string | undefined;
  const listeners = new Set<(status: RuntimeStatus, detail?: string) => void>();
  const active = () => (preferred.status === "ready" || preferred.status === "running" ? preferred : fallback);
  const emit = () => {
    const detail = failure
      ? `${name} unavailable: ${failure}. Tests run in the page instead.`
      : active() === fallback && preferred.status === "booting"
        ? `${name} starting… tests run in the page meanwhile.`
        : undefined;
    for (const listener of listeners) listener(active().status, detail);
  };
  preferred.subscribe((status, detail) => {
    if (status === "error") failure = detail ?? "it failed to start";
    emit();
  });
  fallback.subscribe(() => emit());

  return {
    preferred,
    unavailable: () => failure,
    get status() {
      return active().status;
    },
    prepare(seed) {
      fallback.prepare(seed);
      if (!failure) preferred.prepare(seed);
    },
    run: (request, onEvent) => active().run(request, onEvent),
    sql: (query) => fallback.sql(query),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose() {
      preferred.dispose();
      fallback.dispose();
      listeners.clear();
    },
  };
}
