import { useSyncExternalStore } from "react";

const query = () => window.matchMedia("(prefers-color-scheme: dark)");

function subscribe(onChange: () => void): () => void {
  const media = query();
  media.addEventListener("change", onChange);
  return () => media.removeEventListener("change", onChange);
}

/** The system's colour scheme, for widgets CSS cannot theme (Monaco, Mermaid). */
export function useColorScheme(): "light" | "dark" {
  return useSyncExternalStore(subscribe, () => (query().matches ? "dark" : "light"));
}
