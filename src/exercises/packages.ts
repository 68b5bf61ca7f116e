import { didYouMean } from "./did-you-mean";

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
  // In-page backends (issue #11): real libraries, each a lazily loaded chunk in the worker.
  "@actions/workflow-parser": "GitHub's own workflow parser and schema: line/column errors for a workflow YAML",
  "@opentelemetry/api": "the OpenTelemetry API: trace, context, metrics (1.9.x, what the 2.x SDKs accept)",
  "@opentelemetry/sdk-metrics": "MeterProvider, MetricReader, InMemoryMetricExporter",
  "@opentelemetry/sdk-trace-base": "BasicTracerProvider, SimpleSpanProcessor, InMemorySpanExporter",
  "@orama/orama": "full-text search: BM25, facets, filters, typo tolerance",
  "@zenfs/core": "an in-memory file system with node:fs's API, for isomorphic-git",
  cockatiel: "resilience policies: retry, circuit breaker, timeout, bulkhead",
  "dockerfile-ast": "parses a Dockerfile into instructions, arguments and their ranges",
  "eventsource-parser": "parses a Server-Sent Events stream into events",
  graphql: "graphql-js, the reference GraphQL implementation: schemas, validation, execution",
  hono: "HTTP services on web-standard Request/Response: routing, middleware, SSE",
  "isomorphic-git": "git in JavaScript: init, add, commit, branch, merge, log on a given fs",
  "just-bash": "a simulated bash with common coreutils (grep, sed, awk, sort, …) over an in-memory file system",
  "kubernetes-models": "typed Kubernetes objects with the API's own validation",
  mingo: "MongoDB's query language, aggregation and update operators on plain objects",
  minisearch: "a small full-text search index with prefix and fuzzy search",
  yaml: "parses and writes YAML, with source positions",
  zod: "schemas that validate and type data",
} as const;

export type PackageName = keyof typeof curatedPackages;

/**
 * Entry points beyond a package's root that may be imported, the same in both runtimes: the worker
 * bundles each as its own chunk, so only what is listed here exists there.
 */
export const packageSubpaths = {
  hono: [
    "basic-auth", "bearer-auth", "body-limit", "cors", "csrf", "etag", "http-exception", "jwt", "logger",
    "pretty-json", "request-id", "secure-headers", "streaming", "timeout", "timing", "validator",
  ],
  "kubernetes-models": [
    "v1/ConfigMap", "v1/Namespace", "v1/PersistentVolumeClaim", "v1/Pod", "v1/Secret", "v1/Service", "v1/ServiceAccount",
    "apps/v1/DaemonSet", "apps/v1/Deployment", "apps/v1/StatefulSet", "autoscaling/v2/HorizontalPodAutoscaler",
    "batch/v1/CronJob", "batch/v1/Job", "networking.k8s.io/v1/Ingress", "networking.k8s.io/v1/NetworkPolicy",
    "policy/v1/PodDisruptionBudget", "rbac.authorization.k8s.io/v1/Role", "rbac.authorization.k8s.io/v1/RoleBinding",
  ],
  mingo: ["aggregator", "query", "updater"],
  "eventsource-parser": ["stream"],
} as const satisfies Partial<Record<PackageName, readonly string[]>>;

/** Packages imported only through their subpaths: kubernetes-models' root pulls every API group (220 KB gzip). */
export const rootlessPackages = ["kubernetes-models"] as const satisfies readonly PackageName[];

/** Every importable specifier of a package: its root (unless rootless) and its listed subpaths. */
export function entryPoints(name: PackageName): string[] {
  const subpaths: readonly string[] = (packageSubpaths as Partial<Record<PackageName, readonly string[]>>)[name] ?? [];
  const root = (rootlessPackages as readonly string[]).includes(name) ? [] : [name];
  return [...root, ...subpaths.map((sub) => `${name}/${sub}`)];
}

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

/**
 * Why a file may not import the bare `specifier`, or undefined when it may. One message for the
 * worker, the Node runtime and `roadlab check` (each puts the file first): the specifier, and the
 * `packages` entry that would allow it.
 */
export function importProblem(specifier: string, allowed: Iterable<string>): string | undefined {
  const pkg = packageOf(specifier);
  const permitted = new Set(allowed);
  if (!isPackageName(pkg)) {
    const near = didYouMean(specifier, packageNames.flatMap(entryPoints)) ?? didYouMean(pkg, packageNames);
    const hint = near ? ` — did you mean "${near}"?` : ` — curated packages: ${packageNames.join(", ")}`;
    return `cannot import "${specifier}": not a package Roadlab provides${hint}`;
  }
  const entries = entryPoints(pkg);
  if (!entries.includes(specifier)) {
    const near = didYouMean(specifier, entries);
    const hint = near ? ` — did you mean "${near}"?` : ` — importable: ${entries.join(", ")}`;
    return `cannot import "${specifier}": not an entry point Roadlab provides for ${pkg}${hint}`;
  }
  if (!permitted.has(pkg)) {
    return `cannot import "${specifier}": this exercise does not list it — add "${pkg}" to "packages" in exercise.json to allow it`;
  }
  return undefined;
}
