import { useSyncExternalStore } from "react";

// Five phases a row on a desktop, three on a tablet, one on a phone: the path snakes to fit.
const WIDE = "(min-width: 56rem)";
const MEDIUM = "(min-width: 36rem)";

function subscribe(onChange: () => void): () => void {
  const media = [window.matchMedia(WIDE), window.matchMedia(MEDIUM)];
  for (const m of media) m.addEventListener("change", onChange);
  return () => media.forEach((m) => m.removeEventListener("change", onChange));
}

export function usePathColumns(): number {
  return useSyncExternalStore(subscribe, () => (window.matchMedia(WIDE).matches ? 5 : window.matchMedia(MEDIUM).matches ? 3 : 1));
}
