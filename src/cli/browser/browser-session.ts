import type { Browser, Page } from "playwright-core";
import type { RunEvent, RunResults } from "../../runtime/results";
import type { RunRequest } from "../../runtime/types";
import { distDir, ensureAppBuilt } from "./app-build";
import { launchChromium } from "./chromium";
import { serveStatic } from "./static-server";

/**
 * Drives the in-page runtime in headless Chromium: the built app served on loopback, one page
 * per concurrent run, each page keeping its warm worker and database between runs.
 */
export class BrowserSession {
  #idle: Page[] = [];

  private constructor(
    private readonly browser: Browser,
    private readonly url: string,
    private readonly closeServer: () => Promise<void>,
  ) {}

  static async open(log?: (line: string) => void): Promise<BrowserSession> {
    await ensureAppBuilt(log);
    const server = await serveStatic(distDir);
    try {
      return new BrowserSession(await launchChromium(), server.url, server.close);
    } catch (error) {
      await server.close();
      throw error;
    }
  }

  async run(request: RunRequest, onEvent?: (event: RunEvent) => void): Promise<RunResults> {
    const page = this.#idle.pop() ?? (await this.#openPage());
    (page as PageWithListener).roadlabListener = onEvent;
    try {
      return await page.evaluate(([req, withEvents]) => window.roadlab.run(req, withEvents), [request, onEvent !== undefined] as const);
    } catch (error) {
      await page.close().catch(() => {});
      return { version: 2, status: "error", message: `The browser page failed: ${(error as Error).message}`, tests: [] };
    } finally {
      if (!page.isClosed()) this.#idle.push(page);
    }
  }

  /** The idle pages' main-thread JS heap in bytes (CDP Performance.getMetrics), for `npm run bench`. */
  async jsHeapUsedBytes(): Promise<number> {
    let total = 0;
    for (const page of this.#idle) {
      const cdp = await page.context().newCDPSession(page);
      // What is retained, not what garbage happens to be waiting: a leak shows, GC timing does not.
      await cdp.send("HeapProfiler.collectGarbage");
      await cdp.send("Performance.enable");
      const { metrics } = await cdp.send("Performance.getMetrics");
      total += metrics.find((m) => m.name === "JSHeapUsedSize")?.value ?? 0;
      await cdp.detach();
    }
    return total;
  }

  async close(): Promise<void> {
    await this.browser.close();
    await this.closeServer();
  }

  async #openPage(): Promise<Page> {
    const page = await this.browser.newPage();
    await page.exposeFunction("roadlabEvent", (event: RunEvent) => (page as PageWithListener).roadlabListener?.(event));
    await page.goto(`${this.url}/runner.html`);
    await page.waitForFunction(() => document.body.dataset.ready === "true", undefined, { timeout: 60_000 });
    return page;
  }
}

type PageWithListener = Page & { roadlabListener?: (event: RunEvent) => void };
