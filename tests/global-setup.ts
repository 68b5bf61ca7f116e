import { ensureAppBuilt } from "../src/cli/browser/app-build";

/**
 * Build once before any test drives Chromium, so parallel test files never race to build.
 * ROADLAB_SKIP_BUILD=1 skips it when running only Node-side tests.
 */
export default async function setup() {
  if (process.env.ROADLAB_SKIP_BUILD === "1") return;
  await ensureAppBuilt((line) => console.log(line));
}
