import type { PackageName, packageSubpaths, rootlessPackages } from "../../exercises/packages";
import { createModuleUrl } from "./hardening/module-urls";

type Loader = () => Promise<Record<string, unknown>>;
type Subpath = { [P in keyof typeof packageSubpaths]: `${P}/${(typeof packageSubpaths)[P][number]}` }[keyof typeof packageSubpaths];

/** Packages whose code expects Node's global `Buffer` (FACTS): the shim must run before they load. */
const withBuffer = (load: Loader): Loader => async () => {
  await import("./shims/buffer");
  return load();
};

/**
 * The curated packages, bundled into the worker's chunks and loaded on first use. Learner modules
 * are blob: URLs and cannot resolve bare names, so each package is re-exported from a small blob
 * module that reads the real one from a registry on `globalThis`.
 */
const loaders: Record<Exclude<PackageName, (typeof rootlessPackages)[number]>, Loader> = {
  vitest: () => import("./vitest/index"),
  "@roadlab/db": () => import("../../harness/db"),
  "@roadlab/redis": () => import("../../harness/redis"),
  "@roadlab/mongo": () => import("../../harness/mongo"),
  "@roadlab/net": () => import("../../harness/net"),
  "@roadlab/realtime": () => import("../../harness/realtime"),
  "@electric-sql/pglite": () => import("@electric-sql/pglite"),
  jose: () => import("jose"),
  "@actions/workflow-parser": () => import("@actions/workflow-parser"),
  "@opentelemetry/api": () => import("@opentelemetry/api"),
  "@opentelemetry/sdk-metrics": () => import("@opentelemetry/sdk-metrics"),
  "@opentelemetry/sdk-trace-base": () => import("@opentelemetry/sdk-trace-base"),
  "@orama/orama": () => import("@orama/orama"),
  "@zenfs/core": withBuffer(() => import("@zenfs/core")),
  cockatiel: () => import("cockatiel"),
  "dockerfile-ast": withBuffer(() => import("dockerfile-ast")),
  "eventsource-parser": () => import("eventsource-parser"),
  graphql: () => import("graphql"),
  hono: () => import("hono"),
  "isomorphic-git": withBuffer(() => import("isomorphic-git")),
  // Its browser build (no OverlayFs/ReadWriteFs); gzip/gunzip/zcat fail there (node:zlib is a stub).
  "just-bash": () => import("just-bash/browser"),
  mingo: () => import("mingo"),
  minisearch: () => import("minisearch"),
  yaml: () => import("yaml"),
  zod: () => import("zod"),
};

/** Each listed subpath (packages.ts) as its own chunk; the type makes the two lists agree. */
const subpathLoaders: Record<Subpath, Loader> = {
  "hono/basic-auth": () => import("hono/basic-auth"),
  "hono/bearer-auth": () => import("hono/bearer-auth"),
  "hono/body-limit": () => import("hono/body-limit"),
  "hono/cors": () => import("hono/cors"),
  "hono/csrf": () => import("hono/csrf"),
  "hono/etag": () => import("hono/etag"),
  "hono/http-exception": () => import("hono/http-exception"),
  "hono/jwt": () => import("hono/jwt"),
  "hono/logger": () => import("hono/logger"),
  "hono/pretty-json": () => import("hono/pretty-json"),
  "hono/request-id": () => import("hono/request-id"),
  "hono/secure-headers": () => import("hono/secure-headers"),
  "hono/streaming": () => import("hono/streaming"),
  "hono/timeout": () => import("hono/timeout"),
  "hono/timing": () => import("hono/timing"),
  "hono/validator": () => import("hono/validator"),
  "kubernetes-models/v1/ConfigMap": () => import("kubernetes-models/v1/ConfigMap"),
  "kubernetes-models/v1/Namespace": () => import("kubernetes-models/v1/Namespace"),
  "kubernetes-models/v1/PersistentVolumeClaim": () => import("kubernetes-models/v1/PersistentVolumeClaim"),
  "kubernetes-models/v1/Pod": () => import("kubernetes-models/v1/Pod"),
  "kubernetes-models/v1/Secret": () => import("kubernetes-models/v1/Secret"),
  "kubernetes-models/v1/Service": () => import("kubernetes-models/v1/Service"),
  "kubernetes-models/v1/ServiceAccount": () => import("kubernetes-models/v1/ServiceAccount"),
  "kubernetes-models/apps/v1/DaemonSet": () => import("kubernetes-models/apps/v1/DaemonSet"),
  "kubernetes-models/apps/v1/Deployment": () => import("kubernetes-models/apps/v1/Deployment"),
  "kubernetes-models/apps/v1/StatefulSet": () => import("kubernetes-models/apps/v1/StatefulSet"),
  "kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler": () => import("kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler"),
  "kubernetes-models/batch/v1/CronJob": () => import("kubernetes-models/batch/v1/CronJob"),
  "kubernetes-models/batch/v1/Job": () => import("kubernetes-models/batch/v1/Job"),
  "kubernetes-models/networking.k8s.io/v1/Ingress": () => import("kubernetes-models/networking.k8s.io/v1/Ingress"),
  "kubernetes-models/networking.k8s.io/v1/NetworkPolicy": () => import("kubernetes-models/networking.k8s.io/v1/NetworkPolicy"),
  "kubernetes-models/policy/v1/PodDisruptionBudget": () => import("kubernetes-models/policy/v1/PodDisruptionBudget"),
  "kubernetes-models/rbac.authorization.k8s.io/v1/Role": () => import("kubernetes-models/rbac.authorization.k8s.io/v1/Role"),
  "kubernetes-models/rbac.authorization.k8s.io/v1/RoleBinding": () => import("kubernetes-models/rbac.authorization.k8s.io/v1/RoleBinding"),
  "mingo/aggregator": () => import("mingo/aggregator"),
  "mingo/query": () => import("mingo/query"),
  "mingo/updater": () => import("mingo/updater"),
  "eventsource-parser/stream": () => import("eventsource-parser/stream"),
};

const allLoaders: Record<string, Loader> = { ...loaders, ...subpathLoaders };

const REGISTRY = "__roadlabPackages";
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

type Registry = Record<string, Record<string, unknown>>;
const registry: Registry = ((globalThis as Record<string, unknown>)[REGISTRY] ??= {}) as Registry;
const urls = new Map<string, string>();

/**
 * Loads the entry points a run imports (bare specifiers it may use, root or subpath) and returns
 * a resolver for the module linker. A package's chunk is fetched only when something imports it.
 */
export async function preparePackages(specifiers: readonly string[]): Promise<(specifier: string) => string | undefined> {
  await Promise.all(
    specifiers.map(async (specifier) => {
      if (urls.has(specifier) || !Object.hasOwn(allLoaders, specifier)) return;
      const module = await allLoaders[specifier]();
      registry[specifier] = module;
      const url = facadeUrl(specifier, module);
      // Evaluated now, while the registry is the runtime's: code under test could replace an entry later.
      await import(/* @vite-ignore */ url);
      urls.set(specifier, url);
    }),
  );
  return (specifier) => urls.get(specifier);
}

/**
 * `export { _3 as catch }`: export names may be reserved words (zod exports `catch`), bindings not,
 * so every export goes through a numbered local that no export name can shadow.
 */
function facadeUrl(name: string, module: Record<string, unknown>): string {
  const names = Object.keys(module).filter((key) => key !== "default" && IDENTIFIER.test(key));
  const lines = [
    `const m = globalThis.${REGISTRY}[${JSON.stringify(name)}];`,
    ...names.map((key, i) => `const _${i} = m[${JSON.stringify(key)}];`),
    `export { ${names.map((key, i) => `_${i} as ${key}`).join(", ")} };`,
    `export default ${"default" in module ? "m.default" : "m"};`,
  ];
  return createModuleUrl(lines.join("\n"));
}
