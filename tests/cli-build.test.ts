import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { securityHeaders } from "../build/security-headers";
import { launchChromium } from "../src/cli/browser/chromium";
import { serveStatic } from "../src/cli/browser/static-server";
import { phases } from "../src/exercises/phases";
import { roadlab } from "./helpers/cli";

const CHOSEN = ["exercises/04-relational-databases/sql-queries", "exercises/01-internet/http-request-parser"];
const ORIGIN = "https://lms.example.edu";

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

/** Lines of `text` that `other` lacks: what tells a mutant from the solution. */
async function ownLines(file: string, other: string): Promise<string[]> {
  const theirs = new Set((await readFile(other, "utf8")).split("\n").map((l) => l.trim()));
  return (await readFile(file, "utf8")).split("\n").map((l) => l.trim()).filter((l) => l.length > 20 && !theirs.has(l));
}

/** A source line as it can appear in a bundle: as is, or inside a JS string literal. */
const forms = (line: string) => [line, JSON.stringify(line).slice(1, -1)];

describe("roadlab build", () => {
  let tmp: string;
  let out: string;
  let built: Awaited<ReturnType<typeof roadlab>>;
  let bundle: string;

  beforeAll(async () => {
    tmp = await mkdtemp(path.join(tmpdir(), "roadlab-build-"));
    out = path.join(tmp, "course");
    built = await roadlab("build", ...CHOSEN, "--out", out, "--embed-origin", ORIGIN, "--embed-origin", "http://127.0.0.1:8080");
    const files = built.code === 0 ? await listFiles(out) : [];
    bundle = (await Promise.all(files.filter((f) => /\.(js|html|json|css)$/.test(f)).map((f) => readFile(f, "utf8")))).join("\n");
  }, 10 * 60_000);
  afterAll(() => tmp && rm(tmp, { recursive: true, force: true }));

  it("builds a site, saying where it is and what it did", () => {
    expect(built.code).toBe(0);
    expect(built.stderr).toMatch(/Checking the exercises under/);
    expect(built.stderr).toMatch(/2 exercise\(s\) valid/);
    expect(built.stderr).toMatch(/Building the app with 2 exercise\(s\)/);
    expect(built.stderr).toMatch(/Writing _headers/);
    expect(built.stdout).toContain("Site with 2 exercise(s) written to");
  });

  it("holds the chosen exercises and nothing else: no other exercise, no mutant", async () => {
    expect(built.code).toBe(0);
    // The search finds exercise code where it is: the solutions' own lines are there.
    for (const dir of CHOSEN) {
      const line = (await ownLines(`${dir}/solution/main.ts`, `${dir}/starter/main.ts`))[0];
      expect(forms(line).some((f) => bundle.includes(f)), line).toBe(true);
    }
    for (const other of ["money-transfer", "dns-resolver", "url-to-page"]) expect(bundle).not.toContain(other);
    for (const dir of CHOSEN) {
      const mutants = await readdir(`${dir}/mutants`, { withFileTypes: true });
      const lines = (
        await Promise.all(mutants.filter((m) => m.isDirectory()).map((m) => ownLines(`${dir}/mutants/${m.name}/main.ts`, `${dir}/solution/main.ts`).catch(() => [])))
      ).flat();
      expect(lines.length).toBeGreaterThan(0);
      for (const line of lines) expect(forms(line).some((f) => bundle.includes(f)), line).toBe(false);
    }
  });

  it("uses relative paths only, so it can be served from any folder", async () => {
    const index = await readFile(path.join(out, "index.html"), "utf8");
    expect(index).toMatch(/src="\.\/assets\//);
    expect(index).not.toMatch(/(src|href)="\//);
  });

  it("writes _headers: the app's headers everywhere, embed.html framed only by the given origins", async () => {
    const headers = await readFile(path.join(out, "_headers"), "utf8");
    const rules = new Map<string, string[]>();
    let current = "";
    for (const line of headers.split("\n")) {
      if (line.startsWith("/")) rules.set((current = line), []);
      else if (line.startsWith("  ")) rules.get(current)!.push(line.trim());
    }
    const all = rules.get("/*")!;
    expect(all).toContain(`Cross-Origin-Opener-Policy: ${securityHeaders["Cross-Origin-Opener-Policy"]}`);
    expect(all).toContain(`Cross-Origin-Embedder-Policy: ${securityHeaders["Cross-Origin-Embedder-Policy"]}`);
    const base = all.find((h) => h.startsWith("Content-Security-Policy: "))!;
    expect(base).toContain("script-src 'self' blob: 'wasm-unsafe-eval'");
    expect(base).not.toContain("frame-ancestors");
    const appAncestors = /frame-ancestors [^;]+/.exec(securityHeaders["Content-Security-Policy"])![0];
    for (const page of ["/", "/index.html"]) expect(rules.get(page)).toEqual([`Content-Security-Policy: ${appAncestors}`]);
    expect(rules.get("/embed.html")).toEqual([
      `Content-Security-Policy: frame-ancestors ${ORIGIN} http://127.0.0.1:8080`,
      "Cross-Origin-Resource-Policy: cross-origin",
    ]);
    // Course pages on other origins import the SDK as a module, a CORS request.
    expect(rules.get("/embed.js")).toEqual(["Access-Control-Allow-Origin: *", "Cross-Origin-Resource-Policy: cross-origin"]);
  });

  // The full catalog has no empty phase any more; a course built from a few exercises has many.
  it("opens on a roadmap of the chosen exercises: a phase without one says No exercises yet", async () => {
    expect(built.code).toBe(0);
    const server = await serveStatic(out);
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.goto(`${server.url}/#/`);
      const section = (n: number) => page.getByRole("region", { name: new RegExp(`^${n}\\. ${phases[n - 1].title}`) });
      await section(1).getByRole("link", { name: /^Parse a raw HTTP/ }).waitFor({ timeout: 60_000 });
      const empty = phases[1];
      expect(await section(2).innerText()).toContain("No exercises yet");
      expect(await section(2).getByRole("list", { name: "Topics of phase 2" }).getByRole("listitem").count()).toBe(empty.topics.length);
      expect(await section(2).innerText()).toContain(`Checkpoint: ${empty.checkpoint}`);
      const path = page.getByRole("navigation", { name: "Roadmap path" });
      expect(await path.getByRole("link", { name: /^Phase 2: / }).innerText()).toContain("No exercises yet");
      expect(await path.getByRole("link", { name: /^Phase 4: / }).innerText()).toMatch(/0 of 1 passed/);
    } finally {
      await browser.close();
      await server.close();
    }
  });

  it("stops on a bad pack with check's one-line problems, exit 1", async () => {
    const { code, stderr } = await roadlab("build", "tests/fixtures/packs/broken/bad-schema", "--out", path.join(tmp, "bad"));
    expect(code).toBe(1);
    const file = "tests/fixtures/packs/broken/bad-schema/exercise.json";
    expect(stderr).toContain(`${file}: title: is required — a string`);
    expect(stderr).toContain(`${file}: titel: unknown field — did you mean "title"?`);
    expect(stderr).not.toMatch(/Building the app/);
  });

  it("refuses an --embed-origin that is not an origin, exit 2, one line", async () => {
    const { code, stderr } = await roadlab("build", CHOSEN[0], "--out", path.join(tmp, "x"), "--embed-origin", "https://lms.example.edu/course/");
    expect(code).toBe(2);
    expect(stderr.split("\n")[0]).toBe(
      'roadlab: --embed-origin: expected an origin like https://lms.example.edu, found "https://lms.example.edu/course/" — did you mean "https://lms.example.edu"?',
    );
    const { code: noOut } = await roadlab("build", CHOSEN[0]);
    expect(noOut).toBe(2);
  });
});
