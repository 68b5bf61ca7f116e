import { createHash } from "node:crypto";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { zipSync } from "fflate";
import pc from "picocolors";
import { UsageError } from "./options";
import { buildSite } from "./site/build-site";
import { escapeXml, scormManifest, type ScoEntry } from "./site/scorm-manifest";
import { validPacks } from "./site/valid-packs";

/** Files of a build that are not part of the app a learner opens. */
const LEFT_OUT = new Set(["_headers", "runner.html", ".roadlab-build.json"]);

/**
 * `roadlab scorm <exercise-dir>… --out <file.zip> [--mastery <0–100>]`: a SCORM 1.2 package of
 * the app with only these exercises, one SCO each. Each SCO launches a small page that forwards
 * to the exercise with `?lms=scorm12` (src/features/lms/ talks to the LMS from there); every
 * path is relative, so the package works from wherever the LMS unpacks it.
 */
export async function scorm(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { out: { type: "string" }, mastery: { type: "string", default: "100" }, json: { type: "boolean", default: false } },
  });
  if (positionals.length === 0) throw new UsageError("scorm needs at least one <exercise-dir>");
  if (!values.out) throw new UsageError("scorm needs --out <file.zip>");
  if (!values.out.endsWith(".zip")) throw new UsageError(`--out: expected a file name ending in .zip, found "${values.out}"`);
  const mastery = Number(values.mastery);
  if (!/^\d+$/.test(values.mastery) || mastery > 100) {
    throw new UsageError(`--mastery: expected a whole number from 0 to 100, found "${values.mastery}"`);
  }
  const log = (line: string) => process.stderr.write(`${pc.dim(line)}\n`);

  log(`Checking ${positionals.length} exercise(s)…`);
  const packs = await validPacks(positionals, true);
  if (!packs.ok) {
    for (const problem of packs.problems) process.stderr.write(`${problem}\n`);
    return 1;
  }
  const site = await mkdtemp(path.join(os.tmpdir(), "roadlab-scorm-"));
  try {
    await buildSite({ exercises: packs.exercises, outDir: site, base: "./", log });
    log("Writing the package…");
    const scos: ScoEntry[] = packs.exercises.map((e) => ({ slug: e.slug, title: e.config.title, href: `launch-${e.slug}.html` }));
    for (const sco of scos) await writeFile(path.join(site, sco.href), launchPage(sco, mastery));
    const files = (await listFiles(site)).filter((f) => !LEFT_OUT.has(f));
    const slugs = scos.map((s) => s.slug);
    const manifest = scormManifest({
      identifier: `roadlab-${createHash("sha256").update(slugs.join("\n")).digest("hex").slice(0, 12)}`,
      title: scos.length === 1 ? scos[0].title : `Roadlab: ${scos.length} exercises`,
      scos,
      mastery,
      files: files.filter((f) => !scos.some((s) => s.href === f)),
    });
    const entries: Record<string, Uint8Array> = { "imsmanifest.xml": new TextEncoder().encode(manifest) };
    for (const file of files) entries[file] = new Uint8Array(await readFile(path.join(site, file)));
    const out = path.resolve(values.out);
    await mkdir(path.dirname(out), { recursive: true });
    await writeFile(out, zipSync(entries, { level: 6 }));
    const shown = path.relative(process.cwd(), out);
    if (values.json) process.stdout.write(`${JSON.stringify({ ok: true, out, exercises: slugs, mastery })}\n`);
    else {
      process.stdout.write(
        `${pc.green("✓")} SCORM 1.2 package with ${slugs.length} exercise(s), mastery ${mastery}: ${shown}\n` +
          "  Upload it as a SCORM package (Moodle: Add an activity → SCORM package; Canvas: a SCORM-enabled course → Import).\n",
      );
    }
    return 0;
  } finally {
    await rm(site, { recursive: true, force: true });
  }
}

/** The SCO's launch file: forwards to the exercise without a script, so no LMS header or CSP gets in the way. */
function launchPage(sco: ScoEntry, mastery: number): string {
  const target = escapeXml(`index.html?lms=scorm12&mastery=${mastery}#/exercises/${sco.slug}`);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="refresh" content="0; url=${target}">
<title>${escapeXml(sco.title)}</title>
</head>
<body><p><a href="${target}">Open ${escapeXml(sco.title)}</a></p></body>
</html>
`;
}

async function listFiles(root: string, dir = ""): Promise<string[]> {
  const entries = await readdir(path.join(root, dir), { withFileTypes: true });
  const nested = await Promise.all(
    entries.sort((a, b) => a.name.localeCompare(b.name)).map((e) => {
      const rel = dir ? `${dir}/${e.name}` : e.name;
      return e.isDirectory() ? listFiles(root, rel) : Promise.resolve([rel]);
    }),
  );
  return nested.flat();
}
