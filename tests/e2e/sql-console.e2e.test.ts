import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LONG, offOrigin, openApp, unexpectedViolations, type AppSession } from "./helpers/app";

/** The psql-like console of a database exercise, typed into as a learner would. */
describe("SQL console, end to end", () => {
  let app: AppSession;
  let page: Page;
  let rows: Locator;

  /** Types one input line and waits until the terminal shows `expected`. */
  async function enter(input: string, expected: RegExp): Promise<string> {
    await page.keyboard.type(input);
    await page.keyboard.press("Enter");
    await expect.poll(() => rows.innerText(), { timeout: LONG }).toMatch(expected);
    return rows.innerText();
  }

  beforeAll(async () => {
    app = await openApp();
    page = await app.newPage();
    await page.goto(`${app.url}/#/exercises/sql-queries`);
    await page.getByRole("tab", { name: "SQL console" }).click({ timeout: LONG });
    // psql tables want width: the side pane is narrow at 1280×800, expanded the panel spans the window.
    await page.getByRole("button", { name: "Expand terminal" }).click();
    const panel = page.getByRole("tabpanel", { name: "SQL console" });
    // xterm's screen-reader mode mirrors the visible rows as a list: what a screen reader reads.
    rows = panel.getByRole("list");
    await rows.filter({ hasText: "roadlab=#" }).waitFor({ state: "attached", timeout: LONG });
    await panel.click();
  });
  afterAll(() => app?.close());

  it("\\dt lists the seeded tables like psql", async () => {
    const text = await enter("\\dt", /\(\d+ rows\)/);
    expect(text).toMatch(/List of relations/);
    expect(text).toMatch(/Schema\s+\|\s+Name\s+\|\s+Type\s+\|\s+Owner/);
    for (const table of ["customers", "products", "orders", "order_items"]) {
      expect(text).toMatch(new RegExp(`public\\s+\\|\\s+${table}\\s+\\|\\s+table`));
    }
  });

  it("a SELECT typed over two lines prints its rows and a row count", async () => {
    await page.keyboard.type("SELECT id, email FROM customers");
    await page.keyboard.press("Enter");
    const text = await enter("ORDER BY id LIMIT 2;", /\(2 rows\)/);
    expect(text).toMatch(/id\s+\|\s+email/);
    expect(text).toMatch(/\s1\s+\|\s+\S+@\S+/);
  });

  it("\\d shows a table's columns and indexes; errors come back as psql errors", async () => {
    const text = await enter("\\d products", /Indexes:/);
    expect(text).toMatch(/Table "public\.products"/);
    expect(text).toMatch(/price_cents\s+\|\s+integer\s+\|\s+not null/);
    expect(await enter("SELECT nope FROM products;", /ERROR: {2}column "nope" does not exist/)).toBeTruthy();
  });

  it("Up recalls the previous input and Ctrl+C clears the line", async () => {
    await page.keyboard.press("ArrowUp");
    await expect.poll(() => rows.innerText(), { timeout: LONG }).toMatch(/roadlab=# SELECT nope FROM products;\s*$/);
    await page.keyboard.press("Control+C");
    await expect.poll(() => rows.innerText(), { timeout: LONG }).toMatch(/\^C\s+roadlab=#\s*$/);
  });

  it("PGlite loaded from the page's own origin: no request left it", () => {
    expect(app.requests.some((url) => url.includes("pglite") || url.endsWith(".wasm"))).toBe(true);
    expect(offOrigin(app.requests, app.url)).toEqual([]);
    expect(unexpectedViolations(app.cspViolations)).toEqual([]);
  });
});
