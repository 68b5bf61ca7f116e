import { defineConfig } from "vitest/config";
import { catalogRoot } from "./build/catalog-root.ts";

const catalog = catalogRoot(import.meta.dirname);

export default defineConfig({
  resolve: { alias: catalog.alias },
  define: catalog.define,
  test: {
    include: ["src/**/*.test.ts", "tests/**/*.test.ts", "build/**/*.test.ts"],
    exclude: ["tests/fixtures/**", "node_modules/**"],
    globalSetup: ["tests/global-setup.ts"],
    // The CLI tests start Vitest and PGlite in child processes; give them room on a busy 2-core machine.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
