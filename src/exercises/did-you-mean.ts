import { closest, distance } from "fastest-levenshtein";

/** A close name from `candidates`, or undefined when nothing is near enough to be a typo. */
export function didYouMean(name: string, candidates: readonly string[]): string | undefined {
  if (candidates.length === 0) return undefined;
  const best = closest(name, [...candidates]);
  const limit = Math.max(2, Math.floor(best.length / 3));
  return distance(name.toLowerCase(), best.toLowerCase()) <= limit ? best : undefined;
}

export function suggestion(name: string, candidates: readonly string[]): string {
  const best = didYouMean(name, candidates);
  return best ? ` — did you mean "${best}"?` : "";
}
