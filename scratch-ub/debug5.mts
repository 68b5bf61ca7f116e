import { readFile } from "node:fs/promises";
import { openApp } from "../tests/e2e/helpers/app";
import { pasteInto, runTests } from "../tests/e2e/helpers/workspace";
const app = await openApp();
const page = await app.newPage();
const dump = () => page.evaluate(async () => {
  const dbs = await indexedDB.databases();
  const out: string[] = [];
  for (const info of dbs) {
    const db: IDBDatabase = await new Promise((res, rej) => { const r = indexedDB.open(info.name!); r.onsuccess = () => res(r.result); r.onerror = rej; });
    for (const store of Array.from(db.objectStoreNames)) {
      const all: any[] = await new Promise((res) => { const r = db.transaction(store).objectStore(store).getAll(); r.onsuccess = () => res(r.result); });
      out.push(info.name + "/" + store + ": " + JSON.stringify(all.map(v => v?.state?.progress ?? v)).slice(0, 300));
    }
    db.close();
  }
  return out.join("\n");
});
await page.goto(`${app.url}/#/exercises/http-request-parser`);
await pasteInto(page, "main.ts", await readFile("exercises/01-internet/http-request-parser/solution/main.ts", "utf8"));
await runTests(page, /All tests passed/);
for (let i = 0; i < 3; i++) { const o = await app.newPage(); await o.goto(`${app.url}/#/`); await o.locator("li.exercise").first().waitFor(); await o.waitForTimeout(300); console.log("other tab:", (await o.locator("li.exercise").first().innerText()).replace(/\n/g, " | ")); await o.close(); }
console.log("before reload:", await dump());
await page.reload();
await page.locator(".monaco-editor .view-lines").getByText("SUPPORTED_VERSIONS").first().waitFor({ timeout: 60000 });
console.log("after reload:", await dump());
await page.goto(`${app.url}/#/`);
await page.waitForTimeout(1000);
console.log("after goto:", await dump());
console.log(await page.locator("li.exercise").first().innerText());
await app.close();
