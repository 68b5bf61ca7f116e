import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { distDir, ensureAppBuilt } from "../../../src/cli/browser/app-build";
import { launchChromium } from "../../../src/cli/browser/chromium";
import { serveStatic } from "../../../src/cli/browser/static-server";

/** Waits sized for a loaded 2-core machine: conditions are awaited, never sleeps. */
export const LONG = 60_000;

export interface AppSession {
  url: string;
  /** The folder the server serves: a private copy of dist/, which a test may change (a new deploy). */
  root: string;
  browser: Browser;
  /** Every request the page and its workers made, in order. */
  requests: string[];
  /** Content-Security-Policy violations in the pages, including ones the code caught. */
  cspViolations: string[];
  /** Uncaught errors on the page. */
  pageErrors: string[];
  newPage(options?: { colorScheme?: "light" | "dark" }): Promise<Page>;
  close(): Promise<void>;
}

/**
 * The built app served on loopback by the CLI's static server (with the production headers) and
 * a headless Chromium at 1280×800. Pages from one session share a context unless a colour
 * scheme is asked for, so IndexedDB survives reloads as it does for a learner.
 */
export async function openApp(): Promise<AppSession> {
  await ensureAppBuilt();
  // A private copy: a rebuild of dist/ while the tests run (a developer's `npm run build`, another
  // test file noticing changed sources) must not delete chunks from under an open page.
  const root = await mkdtemp(path.join(tmpdir(), "roadlab-e2e-"));
  await cp(distDir, root, { recursive: true });
  const server = await serveStatic(root);
  const removeCopy = () => rm(root, { recursive: true, force: true });
  const browser = await launchChromium().catch(async (error) => {
    await server.close();
    await removeCopy();
    throw error;
  });
  const requests: string[] = [];
  const cspViolations: string[] = [];
  const pageErrors: string[] = [];
  const contexts: BrowserContext[] = [];
  let shared: BrowserContext | undefined;

  const watch = (context: BrowserContext) => {
    // Context-level: includes requests made by the page's dedicated workers.
    context.on("request", (request) => requests.push(request.url()));
    context.on("console", (message) => {
      const text = message.text();
      if (text.startsWith(VIOLATION)) cspViolations.push(text.slice(VIOLATION.length));
    });
    context.on("weberror", (error) => pageErrors.push(String(error.error())));
    contexts.push(context);
    return context;
  };
  const newContext = async (colorScheme: "light" | "dark" = "light") => {
    const context = watch(await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme, reducedMotion: "reduce" }));
    await context.addInitScript(reportViolations, VIOLATION);
    return context;
  };

  return {
    url: server.url,
    root,
    browser,
    requests,
    cspViolations,
    pageErrors,
    async newPage(options) {
      const context = options?.colorScheme ? await newContext(options.colorScheme) : (shared ??= await newContext());
      return context.newPage();
    },
    async close() {
      await Promise.all(contexts.map((c) => c.close().catch(() => {})));
      await browser.close();
      await server.close();
      await removeCopy();
    },
  };
}

const VIOLATION = "[csp-violation] ";

/** Runs in each page: every CSP violation, even one the code caught, is logged for the test to see. */
function reportViolations(prefix: string) {
  document.addEventListener("securitypolicyviolation", (event) => {
    console.warn(`${prefix}${event.effectiveDirective} blocked ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber}`);
  });
}

/** Every CSP violation counts: the app itself must run under its own policy without tripping it. */
export function unexpectedViolations(violations: readonly string[]): string[] {
  return [...violations];
}

/** Requests that left the page's origin: anything not on `origin` and not blob: or data:. */
export function offOrigin(requests: readonly string[], origin: string): string[] {
  return requests.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith("blob:") && !url.startsWith("data:"));
}
