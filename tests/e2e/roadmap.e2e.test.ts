import { readFile } from "node:fs/promises";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { phases } from "../../src/exercises/phases";
import { LONG, openApp, type AppSession } from "./helpers/app";
import { editorFor, pasteInto, runTests } from "./helpers/workspace";

const EXERCISE = "exercises/04-relational-databases/sql-queries";
// The last phase: its section should list its topics, its checkpoint and the exercise that is it.
const last = phases[phases.length - 1];

/** The roadmap as a learner meets it: the drawn path, a phase opened from it, progress after a pass. */
describe("roadmap, end to end", () => {
  let app: AppSession;
  let page: Page;

  beforeAll(async () => {
    app = await openApp();
    page = await app.newPage();
  });
  afterAll(() => app?.close());

  const path = () => page.getByRole("navigation", { name: "Roadmap path" });
  const node = (n: number) => path().getByRole("link", { name: new RegExp(`^Phase ${n}: `) });

  it("draws the path: 25 phase nodes in roadmap order, each with its progress", async () => {
    await page.goto(`${app.url}/#/`);
    await path().waitFor({ timeout: LONG });
    const links = path().getByRole("link");
    expect(await links.count()).toBe(25);
    const names = await links.allInnerTexts();
    phases.forEach((phase, i) => expect(names[i].replace(/\s+/g, " ")).toContain(phase.title));
    expect(await node(4).innerText()).toMatch(/0 of \d+ passed/);
    // The road itself is drawn under the nodes.
    const d = await path().locator("svg path").getAttribute("d");
    expect(d?.match(/[LA] /g)?.length).toBe(24);
  });

  // A phase with no exercises is seen in tests/cli-build.test.ts, on a course built from two.
  it("shows each phase's topics, its checkpoint and the exercise that is the checkpoint", async () => {
    const section = page.getByRole("region", { name: new RegExp(`^${last.number}\\. ${last.title}`) });
    await expect.poll(() => section.getByRole("list", { name: `Topics of phase ${last.number}` }).getByRole("listitem").count()).toBe(last.topics.length);
    expect(await section.innerText()).toContain(`Checkpoint: ${last.checkpoint}`);
    expect(await section.innerText()).toMatch(/— the exercise “.+” below\./);
    expect(await section.getByText("checkpoint", { exact: true }).count()).toBe(1);
    expect(await section.innerText()).not.toContain("No exercises yet");
  });

  it("a node opens its phase, by keyboard too", async () => {
    await node(4).focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => page.evaluate(() => location.hash)).toBe("#/phases/relational-databases");
    const heading = page.getByRole("heading", { name: /^4\. Relational databases/ });
    await expect.poll(() => heading.evaluate((h) => h === document.activeElement), { timeout: LONG }).toBe(true);
    const top = (await heading.boundingBox())?.y ?? -1;
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(800);
  });

  it("shows progress per phase and overall after an exercise passes, and offers to continue", async () => {
    const solution = await readFile(`${EXERCISE}/solution/main.ts`, "utf8");
    await page.goto(`${app.url}/#/exercises/sql-queries`);
    await editorFor(page, "main.ts").waitFor({ state: "attached", timeout: LONG });
    await pasteInto(page, "main.ts", solution);
    await runTests(page, /All tests passed/);

    await page.goto(`${app.url}/#/`);
    await expect.poll(() => node(4).innerText(), { timeout: LONG }).toMatch(/1 of \d+ passed/);
    expect(await node(4).getAttribute("aria-current")).toBe("step");
    expect(await page.getByText(/^1 of \d+ exercises passed$/).count()).toBe(1);
    await page.getByRole("link", { name: /^Continue where you left off: / }).click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe("#/exercises/sql-queries");
  });

  it("answers an unknown phase with Page not found", async () => {
    await page.goto(`${app.url}/#/phases/no-such-phase`);
    await page.getByRole("heading", { name: "Page not found" }).waitFor({ timeout: LONG });
  });
});
