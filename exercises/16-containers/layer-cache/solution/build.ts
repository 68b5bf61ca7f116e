import { DockerfileParser, type Instruction } from "dockerfile-ast";
import { BuildError } from "./errors";

export interface Step {
  /** 1-based line of the instruction. */
  line: number;
  keyword: string;
  /** "sha256:" + 64 hex digits; equal keys mean the builder may reuse the step. */
  key: string;
  cached: boolean;
  /** Whether the step adds a file-system layer (RUN, COPY, ADD) or only metadata. */
  layer: boolean;
}

const KEYWORDS = new Set([
  "FROM", "RUN", "CMD", "LABEL", "EXPOSE", "ENV", "ADD", "COPY", "ENTRYPOINT", "VOLUME",
  "USER", "WORKDIR", "ARG", "ONBUILD", "STOPSIGNAL", "HEALTHCHECK", "SHELL", "MAINTAINER",
]);
const LAYERS = new Set(["RUN", "COPY", "ADD"]);

async function sha256(text: string): Promise<string> {
  const hash = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)));
  return `sha256:${Array.from(hash, (b) => b.toString(16).padStart(2, "0")).join("")}`;
}

const clean = (path: string) => path.replace(/^\.\//, "").replace(/\/+$/, "") || ".";
const under = (file: string, path: string) => path === "." || file === path || file.startsWith(`${path}/`);

/** The context files a build can see: .dockerignore lines drop a file or a folder. */
function visibleFiles(context: Record<string, string>): string[] {
  const ignored = (context[".dockerignore"] ?? "")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "" && !l.startsWith("#"))
    .map(clean);
  return Object.keys(context).filter((f) => !ignored.some((p) => under(f, p))).sort();
}

/** The checksum of what a COPY/ADD reads: each matched file's path and content, not its mtime. */
function sourcesChecksum(i: Instruction, line: number, files: string[], context: Record<string, string>): string {
  const flags = (i as unknown as { getFlags(): { getName(): string }[] }).getFlags();
  if (flags.some((f) => f.getName() === "from")) throw new BuildError("UNSUPPORTED", line, "COPY --from needs another stage");
  const sources = i.getArguments().map((a) => a.getValue()).slice(0, -1);
  const matched = new Set<string>();
  for (const source of sources) {
    if (/^[a-z]+:\/\//i.test(source)) throw new BuildError("UNSUPPORTED", line, `remote source ${source}`);
    const hits = files.filter((f) => under(f, clean(source)));
    if (hits.length === 0) throw new BuildError("MISSING_SOURCE", line, `"${source}" is not in the build context`);
    hits.forEach((f) => matched.add(f));
  }
  return JSON.stringify([...matched].sort().map((f) => [f, context[f]]));
}

/** Replays a build against `cache`, adding every key it computes, and reports each step. */
export async function build(dockerfile: string, context: Record<string, string>, cache: Set<string>): Promise<Step[]> {
  const files = visibleFiles(context);
  const steps: Step[] = [];
  let parent = "";
  for (const i of DockerfileParser.parse(dockerfile).getInstructions()) {
    const keyword = i.getKeyword();
    const line = i.getRange().start.line + 1;
    if (!KEYWORDS.has(keyword)) throw new BuildError("UNKNOWN_INSTRUCTION", line, `unknown instruction ${keyword}`);
    if ((keyword === "FROM") !== (steps.length === 0)) {
      throw steps.length === 0
        ? new BuildError("NO_FROM", line, "the first instruction must be FROM")
        : new BuildError("UNSUPPORTED", line, "only single-stage builds are modelled");
    }
    const text = (i.getArgumentsContent() ?? "").replace(/\s+/g, " ").trim();
    const files_ = keyword === "COPY" || keyword === "ADD" ? sourcesChecksum(i, line, files, context) : "";
    const key = await sha256(JSON.stringify([parent, keyword, text, files_]));
    steps.push({ line, keyword, key, cached: cache.has(key), layer: LAYERS.has(keyword) });
    cache.add(key);
    parent = key;
  }
  if (steps.length === 0) throw new BuildError("NO_FROM", 1, "the Dockerfile has no instructions");
  return steps;
}
