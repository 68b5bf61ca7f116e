import { distDir } from "../src/cli/browser/app-build";
import { launchChromium } from "../src/cli/browser/chromium";
import { serveStatic } from "../src/cli/browser/static-server";
const server = await serveStatic(distDir);
const browser = await launchChromium();
const page = await browser.newPage();
await page.goto(`${server.url}/runner.html`);
const r = await page.evaluate(() => new Promise((resolve) => {
  const code = `let s = self; while (s && !Object.hasOwn(s, "postMessage")) s = Object.getPrototypeOf(s); postMessage([typeof s.postMessage, s.constructor.name, typeof Reflect.apply, typeof self.postMessage, Object.getOwnPropertyNames(s).join(",")].join(" "));`;
  const w = new Worker(URL.createObjectURL(new Blob([code], { type: "text/javascript" })), { type: "module" });
  w.onmessage = (e) => resolve(e.data);
  w.onerror = (e) => resolve("error " + e.message);
}));
console.log(r);
await browser.close(); await server.close();
