declare const __ROADLAB_CATALOG_KEY__: string | undefined;

/** How Vite keys the bundled exercises' files: `/exercises/` unless a build staged another set (build/catalog-root.ts). */
export const CATALOG_KEY = typeof __ROADLAB_CATALOG_KEY__ === "string" ? __ROADLAB_CATALOG_KEY__ : "/exercises/";
