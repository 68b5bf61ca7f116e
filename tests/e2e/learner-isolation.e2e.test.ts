import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BrowserSession } from "../../src/cli/browser/browser-session";
import type { RunRequest } from "../../src/runtime/types";

/**
 * Proof that the CSP (build/security-headers.ts) keeps learner code on the page's origin: the
 * in-page runtime runs code that tries to reach a second loopback server, a different origin,
 * and that server must never see a request. The CLI's static server sends the same headers as
 * the dev and preview servers and public/_headers.
 */
describe("learner code cannot reach other origins", () => {
  let session: BrowserSession;
  let other: Server;
  let otherUrl: string;
  const hits: string[] = [];

  beforeAll(async () => {
    other = createServer((req, res) => {
      hits.push(req.url ?? "");
      res.setHeader("Access-Control-Allow-Origin", "*");
      res.end("export default 'reached';");
    });
    await new Promise<void>((resolve) => other.listen(0, "127.0.0.1", resolve));
    otherUrl = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
    session = await BrowserSession.open();
  });
  afterAll(async () => {
    await session?.close();
    await new Promise((resolve) => other?.close(resolve));
  });

  it("refuses fetch, import(), WebSocket and EventSource to another origin, and no request arrives", async () => {
    const results = await session.run(request(otherUrl));
    expect(results.tests.map((t) => [t.name, t.status, t.message ?? ""])).toEqual([
      ["fetch to another origin is refused", "pass", ""],
      ["import() from another origin is refused", "pass", ""],
      ["WebSocket to another origin is refused", "pass", ""],
      ["EventSource to another origin is refused", "pass", ""],
      ["fetch on the page's own origin still works", "pass", ""],
    ]);
    expect(hits).toEqual([]);
  });

  it("the other server is reachable when no CSP stands in the way (control)", async () => {
    const before = hits.length;
    const response = await fetch(`${otherUrl}/control`);
    expect(await response.text()).toContain("reached");
    expect(hits.slice(before)).toEqual(["/control"]);
  });
});

const LEARNER = `
export async function attempt(action: () => Promise<unknown>): Promise<string> {
  try {
    await action();
    return "reached";
  } catch (error) {
    return "refused: " + String(error);
  }
}

export function openSocket(url: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    socket.onopen = () => resolve("open");
    socket.onerror = () => reject(new Error("socket failed"));
  });
}

export function openEvents(url: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const source = new EventSource(url);
    source.onopen = () => resolve("open");
    source.onerror = () => {
      source.close();
      reject(new Error("event source failed"));
    };
  });
}
`;

function request(otherUrl: string): RunRequest {
  const test = `
import { expect, it } from "vitest";
import { attempt, openEvents, openSocket } from "../main";
const other = ${JSON.stringify(otherUrl)};

it("fetch to another origin is refused", async () => {
  expect(await attempt(() => fetch(other + "/fetch"))).toMatch(/^refused/);
});
it("import() from another origin is refused", async () => {
  const url = other + "/module.js";
  expect(await attempt(() => import(/* @vite-ignore */ url))).toMatch(/^refused/);
});
it("WebSocket to another origin is refused", async () => {
  expect(await attempt(() => openSocket(other.replace("http", "ws") + "/socket"))).toMatch(/^refused/);
});
it("EventSource to another origin is refused", async () => {
  expect(await attempt(() => openEvents(other + "/events"))).toMatch(/^refused/);
});
it("fetch on the page's own origin still works", async () => {
  expect(await attempt(() => fetch(self.location.origin + "/").then((r) => { if (!r.ok) throw new Error(String(r.status)); }))).toBe("reached");
});
`;
  return { tests: { "tests/escape.test.ts": test }, files: { "main.ts": LEARNER }, timeoutMs: 10_000, packages: [] };
}
