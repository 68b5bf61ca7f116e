/**
 * Bare imports learner code and hidden tests may use. The in-page runtime bundles exactly these,
 * so the Node runtime refuses anything else too: both must give the same verdict.
 */
export const curatedPackages = {
  vitest: "the test API: describe, it, expect, vi",
  "@roadlab/db": "createDb(): a fresh Postgres in the exercise's seeded state, one per test",
  // Harness helpers (src/harness/): always importable, loaded only by exercises that import them.
  "@roadlab/redis": "createRedis(): an ioredis-compatible client on an empty Redis, one per test",
  "@roadlab/mongo": "createMongo(): the MongoDB driver's collection API on an empty in-memory database",
  "@roadlab/net": "serve(name, handler) and fetch(\"http://<name>/…\"): in-page services with fault injection",
  "@roadlab/realtime": "readSSE(response) and connectWebSocket(handler): real-time endpoints as a client sees them",
  "@electric-sql/pglite": "Postgres compiled to WebAssembly, for exercises that manage their own database",
  jose: "JSON Web Tokens, keys and signatures on Web Crypto (tests cross-check learner JWTs with it)",
} as const;

export type PackageName = keyof typeof curatedPackages;

/** Always importable, whatever an exercise declares. */
export const defaultPackages: readonly PackageName[] = [
  "vitest",
  "@roadlab/db",
  "@roadlab/redis",
  "@roadlab/mongo",
  "@roadlab/net",
  "@roadlab/realtime",
];

export const packageNames = Object.keys(curatedPackages) as PackageName[];

export function isPackageName(name: string): name is PackageName {
  return Object.hasOwn(curatedPackages, name);
}

/** Bare specifiers a given exercise may import: the defaults plus what it declares. */
export function allowedPackages(declared: readonly string[]): Set<string> {
  return new Set([...defaultPackages, ...declared]);
}

/** `@scope/name/sub` → `@scope/name`; `name/sub` → `name`; `node:fs` stays `node:fs`. */
export function packageOf(specifier: string): string {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
}

/** Everything that is not `./` or `../` must be a curated package — `node:fs` and URLs included. */
export function isRelativeSpecifier(specifier: string): boolean {
  return specifier.startsWith("./") || specifier.startsWith("../");
}
