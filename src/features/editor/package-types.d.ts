/** Generated at build time by build/package-types-plugin.ts. */
declare module "virtual:package-types" {
  /** Per curated npm package: its declarations, keyed by `/node_modules/…` path. */
  export const packageTypes: Record<string, () => Promise<{ default: Record<string, string> }>>;
}
