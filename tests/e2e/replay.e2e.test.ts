import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Exercise } from "../../src/exercises/pack";
import type { Submission } from "../../src/exercises/submission";
import { repoRoot } from "../helpers/cli";
import { exerciseAt } from "../helpers/exercises";
import { makeSubmission } from "../helpers/make-submission";
import { LONG, openApp, type AppSession } from "./helpers/app";

let app: AppSession;
let page: Page;
let dir: string;
let exercise: Exercise;
let submission: Submission;

/**
 * Monaco renders each line in a .view-line (a file's final newline as an empty last line), spaces
 * as U+00A0; these files are short enough to be shown whole, so this is the text exactly.
 */
async function shownText(editor: Locator): Promise<string> {
  const lines = await editor.locator(".view-line").allTextContents();
  return lines.join("\n").replace(/\u00a0/g, " ");
}

async function open(file: string) {
  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: "Open submission" }).click();
  await (await chooser).setFiles(file);
}

beforeAll(async () => {
  exercise = await exerciseAt("tests/fixtures/grade/tally");
  // If anything ran the candidate's code, this request would show.
  const solution = { ...exercise.solution, "tally.ts": `void fetch("/candidate-code-ran");\n${exercise.solution["tally.ts"]}` };
  submission = await makeSubmission(exercise, solution, { pastes: [120], runs: 2, focusLosses: 1 });
  dir = await mkdtemp(path.join(tmpdir(), "roadlab-replay-"));
  await writeFile(path.join(dir, "candidate.json"), JSON.stringify(submission));
  const tampered = structuredClone(submission);
  (tampered.log[1] as { t: number }).t += 1;
  await writeFile(path.join(dir, "tampered.json"), JSON.stringify(tampered));
  await writeFile(path.join(dir, "foreign.json"), JSON.stringify({ hello: "world" }));
  app = await openApp();
  page = await app.newPage();
  await page.goto(`${app.url}/#/replay`);
});

afterAll(async () => {
  await app?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("#/replay", () => {
  it("says a bad file is not a submission", async () => {
    await open(path.join(dir, "foreign.json"));
    await expect.poll(() => page.getByRole("alert").filter({ hasText: /\S/ }).innerText(), { timeout: LONG }).toMatch(/^foreign\.json is not a submission Roadlab can replay: not a Roadlab submission/);
  });

  it("shows the task, the candidate's facts and the timeline with runs and pastes marked", async () => {
    await open(path.join(dir, "candidate.json"));
    await page.getByRole("heading", { name: "Tally words" }).waitFor({ timeout: LONG });
    const facts = await page.locator(".replay-facts").innerText();
    expect(facts.replace(/\s+/g, " ")).toBe("Time used 20m 00s of 45m Pastes 1 (120 characters, largest 120) Focus losses 1 Test runs 2 Reloads 0");
    expect(await page.getByRole("alert").filter({ hasText: /\S/ }).count()).toBe(0);
    const slider = page.getByRole("slider", { name: "Timeline" });
    expect(await slider.inputValue()).toBe(String(submission.log.length));
    await page.getByRole("button", { name: /^Paste of 120 characters into tally\.ts at 1m 00s$/ }).waitFor();
    expect(await page.getByRole("button", { name: /^Tests run at / }).count()).toBe(2);
  });

  it("shows the code at the slider's point, and the submitted files at the end", async () => {
    const code = page.getByRole("region", { name: "Code at this point" });
    const editor = code.locator(".monaco-editor");
    await editor.locator(".view-line").first().waitFor({ timeout: LONG });
    const slider = page.getByRole("slider", { name: "Timeline" });
    await slider.focus();
    await page.keyboard.press("Home");
    await expect.poll(() => shownText(editor), { timeout: LONG }).toBe(exercise.starter["tally.ts"]);
    const edit = submission.log.findIndex((e) => e.type === "edit");
    await page.getByRole("button", { name: /^Paste of 120 characters/ }).click();
    expect(await slider.inputValue()).toBe(String(edit));
    await expect.poll(() => shownText(editor)).toBe(exercise.starter["tally.ts"]);
    await slider.focus();
    await page.keyboard.press("ArrowRight");
    expect(await slider.getAttribute("aria-valuetext")).toMatch(/^Event \d+ of \d+: Edit in tally\.ts at 1m 00s$/);
    await expect.poll(() => shownText(editor)).toBe(submission.files["tally.ts"]);
    await page.keyboard.press("End");
    for (const file of Object.keys(submission.files)) {
      await code.getByRole("tab", { name: file }).click();
      await expect.poll(() => shownText(editor)).toBe(submission.files[file]);
    }
    expect(Object.keys(submission.files).sort()).toEqual(["tally.ts", "types.ts"]);
  });

  it("plays the log forward", async () => {
    const slider = page.getByRole("slider", { name: "Timeline" });
    await page.getByRole("combobox", { name: "Speed" }).selectOption("64");
    await slider.focus();
    await page.keyboard.press("Home");
    await page.getByRole("button", { name: "Play" }).click();
    await expect.poll(() => slider.inputValue(), { timeout: LONG }).toBe(String(submission.log.length));
    await page.getByRole("button", { name: "Play" }).waitFor();
  });

  it("diffs the final code against the starter", async () => {
    await page.getByRole("region", { name: "Code at this point" }).getByRole("tab", { name: "tally.ts" }).click();
    const diff = page.getByRole("region", { name: "Final code vs starter" }).locator(".monaco-diff-editor");
    await diff.waitFor({ timeout: LONG });
    await expect.poll(() => shownText(diff.locator(".editor.original")), { timeout: LONG }).toBe(exercise.starter["tally.ts"]);
    await expect.poll(() => shownText(diff.locator(".editor.modified"))).toBe(submission.files["tally.ts"]);
    if (process.env.UPDATE_SCREENSHOTS === "1") {
      await page.setViewportSize({ width: 1280, height: 1500 });
      await page.getByRole("slider", { name: "Timeline" }).focus();
      await page.keyboard.press("Home");
      await page.keyboard.press("ArrowRight");
      await page.keyboard.press("ArrowRight");
      await page.screenshot({ path: path.join(repoRoot, "docs", "replay.png"), fullPage: true });
    }
  });

  it("never runs the candidate's code", async () => {
    expect(await page.getByRole("button", { name: /^Run\b/ }).count()).toBe(0);
    expect(await page.getByText("never run").count()).toBeGreaterThan(0);
    expect(app.requests.filter((url) => url.includes("candidate-code-ran"))).toEqual([]);
  });

  it("flags a log that was altered", async () => {
    await open(path.join(dir, "tampered.json"));
    await expect.poll(() => page.getByRole("alert").filter({ hasText: /\S/ }).innerText(), { timeout: LONG }).toMatch(/The log was altered at event 1 /);
    expect(app.pageErrors).toEqual([]);
  });
});
