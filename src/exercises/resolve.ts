/**
 * Module resolution for exercise files, shared by pack validation and the in-page linker so both
 * accept exactly the same imports: relative specifiers with or without `.ts`/`.js`, and `index` files.
 */
export function resolveRelative(
  fromFile: string,
  specifier: string,
  exists: (path: string) => boolean,
): string | undefined {
  const base = joinPath(dirname(fromFile), specifier);
  const stem = base.replace(/\.(m?js|ts|tsx)$/, "");
  const candidates = [base, `${stem}.ts`, `${stem}.tsx`, `${stem}.js`, `${base}/index.ts`, `${base}/index.js`];
  return candidates.find(exists);
}

export function dirname(path: string): string {
  const i = path.lastIndexOf("/");
  return i < 0 ? "" : path.slice(0, i);
}

/** Joins and normalises a POSIX path; `..` above the root stays as `..` so callers can refuse it. */
export function joinPath(dir: string, relative: string): string {
  const out: string[] = [];
  for (const part of `${dir}/${relative}`.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === ".." && out.length > 0 && out[out.length - 1] !== "..") out.pop();
    else out.push(part);
  }
  return out.join("/");
}
