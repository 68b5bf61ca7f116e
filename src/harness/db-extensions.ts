/**
 * Postgres extensions `createDb({ extensions })` can give a test. PGlite has to load an
 * extension's files when it starts, so each one is a lazily imported module (its own chunk in the
 * page) handed to the PGlite constructor; CREATE EXTENSION then runs in the database.
 */
import type { Extension } from "@electric-sql/pglite";
import { closest, distance } from "fastest-levenshtein";

const loaders = {
  pg_trgm: () => import("@electric-sql/pglite/contrib/pg_trgm").then((m) => m.pg_trgm),
  pgcrypto: () => import("@electric-sql/pglite/contrib/pgcrypto").then((m) => m.pgcrypto),
  pg_stat_statements: () => import("@electric-sql/pglite/contrib/pg_stat_statements").then((m) => m.pg_stat_statements),
  hstore: () => import("@electric-sql/pglite/contrib/hstore").then((m) => m.hstore),
  ltree: () => import("@electric-sql/pglite/contrib/ltree").then((m) => m.ltree),
  citext: () => import("@electric-sql/pglite/contrib/citext").then((m) => m.citext),
  "uuid-ossp": () => import("@electric-sql/pglite/contrib/uuid_ossp").then((m) => m.uuid_ossp),
  pgmq: () => import("@electric-sql/pglite-pgmq").then((m) => m.pgmq),
  age: () => import("@electric-sql/pglite-age").then((m) => m.age),
  pg_textsearch: () => import("@electric-sql/pglite-pg_textsearch").then((m) => m.pg_textsearch),
} satisfies Record<string, () => Promise<Extension>>;

export type ExtensionName = keyof typeof loaders;
export const extensionNames = Object.keys(loaders) as ExtensionName[];

/** Both preload a shared library, and PGlite 0.5 fails to start with the two together. */
const INCOMPATIBLE: [ExtensionName, ExtensionName][] = [["pg_stat_statements", "pg_textsearch"]];

export function compatible(names: readonly string[]): boolean {
  return !INCOMPATIBLE.some(([a, b]) => names.includes(a) && names.includes(b));
}

/** The extensions a seed creates itself (`CREATE EXTENSION [IF NOT EXISTS] name`), which PGlite must load first. */
export function extensionsIn(seed: string): ExtensionName[] {
  const names = [...seed.matchAll(/create\s+extension\s+(?:if\s+not\s+exists\s+)?"?([\w-]+)"?/gi)].map((m) => m[1].toLowerCase());
  return names.filter((name): name is ExtensionName => Object.hasOwn(loaders, name));
}

/** One-line errors for a bad `extensions` option: what was expected, what was found, the nearest name. */
export function checkExtensions(requested: readonly string[]): ExtensionName[] {
  for (const name of requested) {
    if (Object.hasOwn(loaders, name)) continue;
    const near = closest(String(name), extensionNames);
    const hint = distance(String(name), near) <= 3 ? ` — did you mean "${near}"?` : "";
    throw new Error(`createDb({ extensions }): unknown extension ${JSON.stringify(name)}; expected one of ${extensionNames.join(", ")}${hint}`);
  }
  const names = [...new Set(requested)] as ExtensionName[];
  if (!compatible(names)) {
    const [a, b] = INCOMPATIBLE.find(([x, y]) => names.includes(x) && names.includes(y))!;
    throw new Error(`createDb({ extensions }): ${a} and ${b} cannot be loaded together in PGlite; use one per test`);
  }
  return names.sort();
}

export async function loadExtensions(names: readonly ExtensionName[]): Promise<Record<string, Extension>> {
  const entries = await Promise.all(names.map(async (name) => [name.replace(/-/g, "_"), await loaders[name]()] as const));
  return Object.fromEntries(entries);
}

/** SQL that creates the extensions (AGE also needs its library loaded into the session). */
export function createExtensionsSql(names: readonly ExtensionName[]): string {
  return names.map((name) => `CREATE EXTENSION IF NOT EXISTS "${name}";${name === "age" ? " LOAD 'age';" : ""}`).join("\n");
}
