import type { Theme } from "./protocol";

export interface EmbedRoute {
  slug: string;
  /** The host page's origin: the only one the embed talks to. Absent: standalone, silent. */
  parent?: string;
  theme?: Theme;
  /** Why `parent` was not taken, when it was given but is not an origin. */
  problem?: string;
}

/** Reads `#/<slug>?parent=<origin>&theme=light|dark`. */
export function parseEmbedHash(hash: string): EmbedRoute {
  const [route, query = ""] = hash.replace(/^#?\/?/, "").split("?");
  const params = new URLSearchParams(query);
  const slug = decodeURIComponent(route.split("/")[0] ?? "");
  const theme = params.get("theme");
  const given = params.get("parent") ?? undefined;
  const result: EmbedRoute = { slug, theme: theme === "dark" || theme === "light" ? theme : undefined };
  if (given === undefined) return result;
  const origin = originOf(given);
  if (origin === given && origin !== "null") return { ...result, parent: origin };
  return { ...result, problem: `parent: expected an origin such as https://school.example, found "${given}"` };
}

function originOf(text: string): string | undefined {
  try {
    return new URL(text).origin;
  } catch {
    return undefined;
  }
}
