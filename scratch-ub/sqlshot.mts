import { openApp } from "../tests/e2e/helpers/app";
const app = await openApp();
for (const scheme of ["light", "dark"] as const) {
  const page = await app.newPage({ colorScheme: scheme });
  await page.goto(`${app.url}/#/exercises/sql-queries`);
  await page.getByRole("tab", { name: "SQL console" }).click({ timeout: 60000 });
  await page.getByRole("button", { name: "Expand terminal" }).click();
  const rows = page.getByRole("tabpanel", { name: "SQL console" }).getByRole("list");
  await rows.filter({ hasText: "roadlab=#" }).waitFor({ state: "attached", timeout: 60000 });
  for (const line of ["\\dt", "\\d orders", "SELECT id, name, price_cents", "FROM products ORDER BY id LIMIT 3;", "select nope;"]) {
    await page.keyboard.type(line); await page.keyboard.press("Enter");
    await page.waitForTimeout(400);
  }
  await page.screenshot({ path: `scratch-ub/sql-${scheme}.png` });
}
await app.close();
