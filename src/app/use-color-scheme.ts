import { useSyncExternalStore } from "react";

const query = () => window.matchMedia("(prefers-color-scheme: dark)");

// embed.html lets its host page pick the theme; the app itself follows the system.
let forced: "light" | "dark" | undefined;
const forcedListeners = new Set<() => void>();

/** Overrides the system's scheme (embed.html's theme); the CSS follows `data-theme` on <html>. */
export function setColorScheme(theme: "light" | "dark" | undefined): void {
  forced = theme;
  if (theme) document.documentElement.dataset.theme = theme;
  else delete document.documentElement.dataset.theme;
  forcedListeners.forEach((listener) => listener());
}

function subscribe(onChange: () => void): () => void {
  const media = query();
  media.addEventListener("change", onChange);
  forcedListeners.add(onChange);
  return () => {
    media.removeEventListener("change", onChange);
    forcedListeners.delete(onChange);
  };
}

/** The system's colour scheme, for widgets CSS cannot theme (Monaco, Mermaid). */
export function useColorScheme(): "light" | "dark" {
  return useSyncExternalStore(subscribe, () => forced ?? (query().matches ? "dark" : "light"));
}
