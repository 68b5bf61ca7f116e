import { accessSync, constants } from "node:fs";
import { chromium, type Browser } from "playwright-core";
import { UsageError } from "../options";

const CANDIDATES = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
  "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
  "/Applications/Chromium.app/Contents/MacOS/Chromium",
];

/** `CHROMIUM_PATH`, else the system's Chromium or Chrome; Playwright's own download is not used. */
export function findChromium(env = process.env): string {
  if (env.CHROMIUM_PATH) {
    if (!isExecutable(env.CHROMIUM_PATH)) throw new UsageError(`CHROMIUM_PATH=${env.CHROMIUM_PATH} is not an executable file`);
    return env.CHROMIUM_PATH;
  }
  const found = CANDIDATES.find(isExecutable);
  if (!found) {
    throw new UsageError(
      "--runtime browser needs Chromium or Chrome: install it (Debian/Ubuntu: apt-get install chromium) or set CHROMIUM_PATH",
    );
  }
  return found;
}

/** Flags that keep Chromium from reaching for Google's hosts, which a sandboxed machine refuses. */
const QUIET_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: findChromium(), args: QUIET_FLAGS, headless: true });
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
