import path from "node:path";

/**
 * Which exercises the app bundles: the repo's exercises/, unless ROADLAB_CATALOG names another
 * folder (`roadlab build`, `scorm` and `interview` stage a chosen set there). The app globs
 * `@roadlab-catalog/…`; Vite keys the matches by their path from the project root, so the app is
 * told that path's prefix to cut.
 */
export function catalogRoot(projectRoot: string): { alias: Record<string, string>; define: Record<string, string> } {
  const dir = path.resolve(process.env.ROADLAB_CATALOG ?? path.join(projectRoot, "exercises"));
  const relative = path.relative(projectRoot, dir).split(path.sep).join("/");
  const key = relative.startsWith("..") ? `${relative}/` : `/${relative}/`;
  return { alias: { "@roadlab-catalog": dir }, define: { __ROADLAB_CATALOG_KEY__: JSON.stringify(key) } };
}
