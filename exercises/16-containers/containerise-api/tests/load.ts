import { DockerfileParser, type Instruction } from "dockerfile-ast";
import { parse } from "yaml";

export interface Stage { name: string | null; image: string; tag: string | null; digest: string | null; steps: Instruction[] }

/** The Dockerfile split into build stages, each with its FROM facts and the instructions after it. */
export function stagesOf(source: string): Stage[] {
  const doc = DockerfileParser.parse(source);
  const stages: Stage[] = [];
  for (const instruction of doc.getInstructions()) {
    const keyword = instruction.getKeyword();
    if (keyword === "FROM") {
      const from = doc.getFROMs().find((f) => f.getRange().start.line === instruction.getRange().start.line)!;
      stages.push({
        name: from.getBuildStage(),
        image: from.getImageName() ?? "",
        tag: from.getImageTag(),
        digest: from.getImageDigest(),
        steps: [],
      });
    } else {
      stages.at(-1)?.steps.push(instruction);
    }
  }
  return stages;
}

export const keyword = (i: Instruction) => i.getKeyword();
export const args = (i: Instruction) => i.getArguments().map((a) => a.getValue());
export const text = (i: Instruction) => (i.getArgumentsContent() ?? "").replace(/\s+/g, " ").trim();
/** A COPY/ADD's --from value, or null when it copies from the build context. */
export const fromFlag = (i: Instruction) => {
  const flags = (i as unknown as { getFlags?: () => { getName(): string; getValue(): string | null }[] }).getFlags?.() ?? [];
  return flags.find((f) => f.getName() === "from")?.getValue() ?? null;
};
/** The strings of an exec-form (JSON array) instruction, or null for shell form. */
export function execForm(i: Instruction): string[] | null {
  const raw = (i.getArgumentsContent() ?? "").trim().replace(/^CMD\s+/i, "");
  if (!raw.startsWith("[")) return null;
  try {
    const value: unknown = JSON.parse(raw);
    return Array.isArray(value) && value.every((v) => typeof v === "string") ? value : null;
  } catch {
    return null;
  }
}

// Docker's SecretsUsedInArgOrEnv build check matches these words as parts of an ARG/ENV name.
const SECRET_WORDS = new Set(["apikey", "auth", "credential", "credentials", "key", "password", "pass", "passwd", "pword", "secret", "token"]);
export const looksSecret = (name: string) => name.toLowerCase().split("_").some((part) => SECRET_WORDS.has(part));

export interface Service {
  image?: string;
  build?: string | { context?: string };
  ports?: (string | number | { target?: number; published?: string | number })[];
  environment?: Record<string, unknown> | string[];
  env_file?: string | (string | { path: string })[];
  depends_on?: string[] | Record<string, { condition?: string }>;
  healthcheck?: { test?: string | string[]; disable?: boolean };
  volumes?: (string | { type?: string; source?: string; target?: string })[];
}
export interface Compose { services?: Record<string, Service>; volumes?: Record<string, unknown> }

export const loadCompose = (source: string): Compose => (parse(source) ?? {}) as Compose;

export function envOf(s: Service): Record<string, string | null> {
  if (Array.isArray(s.environment)) {
    return Object.fromEntries(s.environment.map((e) => {
      const at = e.indexOf("=");
      return at < 0 ? [e, null] : [e.slice(0, at), e.slice(at + 1)];
    }));
  }
  return Object.fromEntries(Object.entries(s.environment ?? {}).map(([k, v]) => [k, v === null ? null : String(v)]));
}

export const envFiles = (s: Service): string[] =>
  s.env_file === undefined ? [] : (Array.isArray(s.env_file) ? s.env_file : [s.env_file]).map((f) => (typeof f === "string" ? f : f.path));

/** Published ports as { published, target }; a bare container port is published on a random host port. */
export function portsOf(s: Service): { published: string; target: string }[] {
  return (s.ports ?? []).map((p) => {
    if (typeof p === "object") return { published: String(p.published ?? "random"), target: String(p.target) };
    const parts = String(p).split("/")[0].split(":");
    return { published: parts.length > 1 ? parts.at(-2)! : "random", target: parts.at(-1)! };
  });
}

export const conditions = (s: Service): Record<string, string> =>
  Array.isArray(s.depends_on)
    ? Object.fromEntries(s.depends_on.map((d) => [d, "service_started"]))
    : Object.fromEntries(Object.entries(s.depends_on ?? {}).map(([d, v]) => [d, v?.condition ?? "service_started"]));

export const healthTest = (s: Service): string => {
  const t = s.healthcheck?.test;
  return Array.isArray(t) ? t.join(" ") : (t ?? "");
};

/** Volume mounts as { source, target }; the short form is source:target[:mode]. */
export const mountsOf = (s: Service) =>
  (s.volumes ?? []).map((v) => {
    if (typeof v === "object") return { source: v.source ?? "", target: v.target ?? "" };
    const [source, target] = v.includes(":") ? v.split(":") : ["", v];
    return { source, target };
  });
