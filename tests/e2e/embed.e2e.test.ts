import { readFile } from "node:fs/promises";
import type { Frame, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LONG, openApp, unexpectedViolations, type AppSession } from "./helpers/app";
import { serveHostPages } from "./helpers/host-server";

const EXERCISE = "exercises/01-internet/http-request-parser";
const SLUG = "http-request-parser";

interface Message {
  type: string;
  [field: string]: unknown;
}

/** The host: embeds with the SDK from the app's origin, and records every message the SDK lets through. */
const hostPage = (app: string, third: string) => `<!doctype html>
<html lang="en"><head><title>A school page</title></head><body>
<h1>Homework</h1>
<div id="slot" style="width: 360px"></div>
<script type="module">
  import { embedExercise } from "${app}/embed.js";
  window.events = [];
  window.thirdSent = false;
  window.embedded = embedExercise(document.getElementById("slot"), {
    slug: "${SLUG}",
    base: "${app}/",
    onMessage: (event) => window.events.push(event),
  });
  // The third origin's page says when it has posted its commands to the embed.
  addEventListener("message", (event) => {
    if (event.origin === "${third}" && event.data === "third-sent") window.thirdSent = true;
  });
  window.addThird = () => {
    const frame = document.createElement("iframe");
    frame.title = "Someone else's frame";
    frame.src = "${third}/third.html";
    document.body.append(frame);
  };
</script>
</body></html>`;

/** Another origin's page in a frame beside the embed: it tries to drive the embed directly. */
const thirdPage = `<!doctype html><html lang="en"><head><title>Third</title></head><body><script>
  const embed = parent.frames[0];
  embed.postMessage({ source: "roadlab", version: 1, type: "set-files", files: { "main.ts": "// planted by a third origin" } }, "*");
  embed.postMessage({ source: "roadlab", version: 1, type: "run" }, "*");
  embed.postMessage({ source: "roadlab", version: 1, type: "explode" }, "*");
  parent.postMessage("third-sent", "*");
</script></body></html>`;

describe("embedding an exercise on another origin", () => {
  let app: AppSession;
  let host: Awaited<ReturnType<typeof serveHostPages>>;
  let third: Awaited<ReturnType<typeof serveHostPages>>;
  let page: Page;
  let solution: string;
  let starter: string;

  const events = () => page.evaluate(() => (window as unknown as { events: Message[] }).events);
  const eventsOf = async (type: string) => (await events()).filter((e) => e.type === type);
  const embedFrame = (): Frame => page.frames().find((f) => f.url().startsWith(`${app.url}/embed.html`))!;

  beforeAll(async () => {
    app = await openApp();
    third = await serveHostPages({ "/third.html": thirdPage });
    host = await serveHostPages({ "/host.html": hostPage(app.url, third.url) });
    [solution, starter] = await Promise.all([readFile(`${EXERCISE}/solution/main.ts`, "utf8"), readFile(`${EXERCISE}/starter/main.ts`, "utf8")]);
    page = await app.newPage();
    await page.goto(`${host.url}/host.html`);
  });
  afterAll(async () => {
    await app?.close();
    await host?.close();
    await third?.close();
  });

  it("loads on the host page, says ready, and keeps the frame as tall as its content", async () => {
    expect(host.url).not.toBe(app.url);
    await expect.poll(() => eventsOf("ready"), { timeout: LONG }).toEqual([{ source: "roadlab", version: 1, type: "ready", slug: SLUG }]);
    const frame = embedFrame();
    expect(new URL(frame.url()).hash).toBe(`#/${SLUG}?parent=${encodeURIComponent(host.url)}&theme=light`);
    await frame.getByRole("tab", { name: "main.ts" }).waitFor({ timeout: LONG });
    await frame.getByRole("button", { name: "Run tests" }).waitFor();
    await frame.getByRole("region", { name: "Test results" }).waitFor();

    await expect.poll(async () => (await eventsOf("resize")).length, { timeout: LONG }).toBeGreaterThan(0);
    // The SDK sizes the iframe from the latest resize, and the content really is that tall (it
    // grows while the README, editor and terminal load: polled until all three agree).
    const heights = async () => {
      const resized = (await eventsOf("resize")).at(-1)!.height as number;
      const iframe = await page.locator("#slot iframe").evaluate((el) => el.getBoundingClientRect().height);
      const content = await frame.locator(".embed").evaluate((el) => Math.ceil(el.getBoundingClientRect().height));
      return resized === iframe && iframe === content ? "in step" : `resize ${resized}, iframe ${iframe}, content ${content}`;
    };
    await expect.poll(heights, { timeout: LONG }).toBe("in step");
    // A narrow frame: nothing wider than its 360 px.
    expect(await frame.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  });

  it("ignores commands a third origin posts to the embed's window", async () => {
    await page.evaluate(() => (window as unknown as { addThird(): void }).addThird());
    await page.waitForFunction(() => (window as unknown as { thirdSent: boolean }).thirdSent, null, { timeout: LONG });
    // Asked after the third origin's messages were queued: the embed has handled them by now.
    const files = await page.evaluate(() => (window as unknown as { embedded: { getFiles(): Promise<Record<string, string>> } }).embedded.getFiles());
    expect(files["main.ts"]).toBe(starter);
    const types = (await events()).map((e) => e.type);
    expect(types).not.toContain("run-started");
    expect(types).not.toContain("files-changed");
    expect(types).not.toContain("error");
    expect(await embedFrame().getByRole("region", { name: "Test results" }).innerText()).not.toMatch(/passed|failed|Running/);
  });

  it("answers a malformed command from the host with error", async () => {
    const post = (message: unknown) =>
      page.evaluate(
        ([m, origin]) => (window as unknown as { embedded: { iframe: HTMLIFrameElement } }).embedded.iframe.contentWindow!.postMessage(m, origin as string),
        [message, app.url] as const,
      );
    await post({ source: "roadlab", version: 1, type: "explode" });
    await post({ source: "roadlab", version: 2, type: "run" });
    await post({ source: "roadlab", version: 1, type: "set-files", files: { "main.ts": 42 } });
    await post({ source: "roadlab", version: 1, type: "set-files", files: { "mian.ts": "x" } });
    await expect.poll(async () => (await eventsOf("error")).length, { timeout: LONG }).toBe(4);
    const messages = (await eventsOf("error")).map((e) => e.message as string);
    expect(messages[0]).toMatch(/^type: expected one of .*found "explode"/);
    expect(messages[1]).toBe("version: expected 1, found number 2");
    expect(messages[2]).toMatch(/^set-files: files\.main\.ts: /);
    expect(messages[3]).toMatch(/found "mian\.ts" — did you mean "main\.ts"\?/);
    expect((await events()).map((e) => e.type)).not.toContain("run-started");
  });

  it("runs the starter on command: test results stream, then results and completed, not passed", async () => {
    await page.evaluate(() => (window as unknown as { embedded: { run(): void } }).embedded.run());
    await expect.poll(() => eventsOf("completed"), { timeout: LONG }).toHaveLength(1);
    const [completed] = await eventsOf("completed");
    expect(completed).toMatchObject({ slug: SLUG, passed: false });
    expect(completed.score).toBeLessThan(100);
    const [results] = await eventsOf("results");
    const tests = (results.results as { tests: { status: string }[] }).tests;
    expect(await eventsOf("test-result")).toHaveLength(tests.length);
    const passing = tests.filter((t) => t.status === "pass").length;
    expect(completed.score).toBe(Math.floor((100 * passing) / tests.filter((t) => t.status !== "skip" && t.status !== "todo").length));
    expect(await eventsOf("run-started")).toHaveLength(1);
  });

  it("takes the solution by set-files, saves it, and a run completes with passed and score 100", async () => {
    await page.evaluate((text) => (window as unknown as { embedded: { setFiles(f: Record<string, string>): void } }).embedded.setFiles({ "main.ts": text }), solution);
    await expect.poll(async () => (await eventsOf("files-changed")).at(-1)?.files, { timeout: LONG }).toEqual({ "main.ts": solution });
    await page.evaluate(() => (window as unknown as { embedded: { run(): void } }).embedded.run());
    await expect.poll(() => eventsOf("completed"), { timeout: LONG }).toHaveLength(2);
    expect((await eventsOf("completed"))[1]).toEqual({ source: "roadlab", version: 1, type: "completed", slug: SLUG, passed: true, score: 100 });
    const results = (await eventsOf("results"))[1].results as { status: string; tests: unknown[] };
    expect(results.status).toBe("pass");
    expect(await eventsOf("test-result")).toHaveLength(((await eventsOf("results"))[0].results as { tests: unknown[] }).tests.length + results.tests.length);
    await embedFrame().getByRole("region", { name: "Test results" }).getByText("All tests passed").waitFor({ timeout: LONG });

    // Saved per slug like the app: a reload of the host page shows the solution again.
    await page.reload();
    await expect.poll(() => eventsOf("ready"), { timeout: LONG }).toHaveLength(1);
    const files = await page.evaluate(() => (window as unknown as { embedded: { getFiles(): Promise<Record<string, string>> } }).embedded.getFiles());
    expect(files["main.ts"]).toBe(solution);
    expect(unexpectedViolations(app.cspViolations)).toEqual([]);
  });

  it("is refused as a frame by the app page itself, which stays unframable by other origins", async () => {
    const response = await fetch(`${app.url}/index.html`);
    expect(response.headers.get("content-security-policy")).toMatch(/frame-ancestors 'self'$/);
    const embed = await fetch(`${app.url}/embed.html`);
    expect(embed.headers.get("content-security-policy")).toMatch(/frame-ancestors 'self' http:\/\/127\.0\.0\.1:\* http:\/\/localhost:\* http:\/\/\[::1\]:\*$/);
  });
});
