import { readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import pc from "picocolors";
import { UsageError } from "./options";
import { buildSite } from "./site/build-site";
import { hostHeaders, parseOrigins } from "./site/host-headers";
import { validPacks } from "./site/valid-packs";

/**
 * `roadlab build [dirs…] --out <dir> [--embed-origin <origin>…] [--json]`: a static site of these
 * exercises only. The packs are checked for validity first, as `check` does before it runs any
 * test (schema, files, duplicates); their hidden tests are not run — that is `roadlab check`'s
 * job, minutes per catalog, and CI runs it before publishing.
 */
export async function build(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      out: { type: "string" },
      "embed-origin": { type: "string", multiple: true, default: [] },
      json: { type: "boolean", default: false },
    },
  });
  if (!values.out) throw new UsageError("build needs --out <dir>: the folder to write the site to");
  const origins = parseOrigins(values["embed-origin"]);
  const dirs = positionals.length > 0 ? positionals : ["exercises"];
  const log = (line: string) => process.stderr.write(`${pc.dim(line)}\n`);

  log(`Checking the exercises under ${dirs.join(", ")}…`);
  const packs = await validPacks(dirs);
  if (!packs.ok) {
    for (const problem of packs.problems) process.stderr.write(`${problem}\n`);
    if (values.json) process.stdout.write(`${JSON.stringify({ ok: false, problems: packs.problems })}\n`);
    return 1;
  }
  log(`${packs.exercises.length} exercise(s) valid.`);
  const outDir = path.resolve(values.out);
  await buildSite({ exercises: packs.exercises, outDir, base: "./", log });
  log("Writing _headers…");
  const pages = (await readdir(outDir)).filter((f) => f.endsWith(".html"));
  await writeFile(path.join(outDir, "_headers"), hostHeaders(pages, origins));

  const shown = path.relative(process.cwd(), outDir) || ".";
  const slugs = packs.exercises.map((e) => e.slug);
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ ok: true, out: outDir, exercises: slugs, embedOrigins: origins })}\n`);
  } else {
    process.stdout.write(
      `${pc.green("✓")} Site with ${slugs.length} exercise(s) written to ${shown}/\n` +
        `  Serve it as static files from any folder, e.g. npx vite preview --outDir ${shown}\n` +
        "  (it needs HTTP, not file://; _headers gives Netlify and Cloudflare Pages its security headers —\n" +
        "  on other hosts set the same headers, listed in that file).\n",
    );
  }
  return 0;
}
