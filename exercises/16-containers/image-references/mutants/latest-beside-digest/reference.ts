import { ImageRefError } from "./errors";

export interface ImageReference {
  /** The registry host, with its port if any: "docker.io", "ghcr.io", "localhost:5000". */
  registry: string;
  /** The repository path on that registry: "library/nginx", "bitnami/redis". */
  repository: string;
  /** The tag as written, or null when none was written. */
  tag: string | null;
  /** The digest as written ("sha256:…"), or null. */
  digest: string | null;
}

// The grammar of github.com/distribution/reference (regexp.go).
const label = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
const DOMAIN = new RegExp(`^(?:${label}(?:\\.${label})*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?$`);
const component = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
const PATH = new RegExp(`^${component}(?:/${component})*$`);
const TAG = /^\w[\w.-]{0,127}$/;
const HEX_LENGTH: Record<string, number> = { sha256: 64, sha384: 96, sha512: 128 };

const fail = (code: ImageRefError["code"], ref: string, why: string) =>
  new ImageRefError(code, `image reference "${ref}": ${why}`);

function checkDigest(digest: string, ref = digest): void {
  const [algorithm, hex, ...extra] = digest.split(":");
  const length = HEX_LENGTH[algorithm];
  if (extra.length > 0 || length === undefined || hex === undefined || !new RegExp(`^[a-f0-9]{${length}}$`).test(hex)) {
    throw fail("INVALID_DIGEST", ref, `expected sha256:<64 lowercase hex>, found "${digest}"`);
  }
}

export function parseReference(ref: string): ImageReference {
  if (ref === "") throw fail("EMPTY_REFERENCE", ref, "the reference is empty");
  // A bare 64-hex string is an image ID, not a name.
  if (/^[a-f0-9]{64}$/.test(ref)) throw fail("INVALID_FORMAT", ref, "a 64-digit hex string is an image ID");

  const at = ref.indexOf("@");
  const digest = at < 0 ? null : ref.slice(at + 1);
  if (digest !== null) checkDigest(digest, ref);
  const named = at < 0 ? ref : ref.slice(0, at);

  // Docker's splitDockerDomain: the first component is a host only if it looks like one.
  const slash = named.indexOf("/");
  const first = named.slice(0, slash);
  const hasDomain = slash >= 0 && (/[.:]/.test(first) || first === "localhost" || first !== first.toLowerCase());
  let registry = hasDomain ? first : "docker.io";
  const rest = hasDomain ? named.slice(slash + 1) : named;

  const colon = rest.lastIndexOf(":");
  let repository = colon < 0 ? rest : rest.slice(0, colon);
  const tag = colon < 0 ? null : rest.slice(colon + 1);

  if (repository !== repository.toLowerCase()) throw fail("UPPERCASE_NAME", ref, "the repository name must be lowercase");
  if (!DOMAIN.test(registry)) throw fail("INVALID_FORMAT", ref, `"${registry}" is not a registry host`);
  if (!PATH.test(repository)) throw fail("INVALID_FORMAT", ref, `"${repository}" is not a repository path`);
  if (tag !== null && !TAG.test(tag)) throw fail("INVALID_FORMAT", ref, `"${tag}" is not a tag`);

  if (registry === "index.docker.io") registry = "docker.io";
  if (registry === "docker.io" && !repository.includes("/")) repository = `library/${repository}`;
  if (repository.length > 255) throw fail("NAME_TOO_LONG", ref, "the repository path is longer than 255 characters");
  return { registry, repository, tag, digest };
}

const suffix = ({ tag, digest }: ImageReference) => (tag === null ? "" : `:${tag}`) + (digest === null ? "" : `@${digest}`);

export function normalise(ref: string): string {
  const r = parseReference(ref);
  const tagged = r.tag === null ? { ...r, tag: "latest" } : r;
  return `${r.registry}/${r.repository}${suffix(tagged)}`;
}

export function familiar(ref: string): string {
  const r = parseReference(ref);
  if (r.registry !== "docker.io") return `${r.registry}/${r.repository}${suffix(r)}`;
  const official = r.repository.startsWith("library/") && !r.repository.slice("library/".length).includes("/");
  return `${official ? r.repository.slice("library/".length) : r.repository}${suffix(r)}`;
}

export function manifestUrl(ref: string): string {
  const r = parseReference(ref);
  const host = r.registry === "docker.io" ? "registry-1.docker.io" : r.registry;
  return `https://${host}/v2/${r.repository}/manifests/${r.digest ?? r.tag ?? "latest"}`;
}

export async function digestOf(bytes: Uint8Array): Promise<string> {
  const hash = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes as Uint8Array<ArrayBuffer>));
  return `sha256:${Array.from(hash, (b) => b.toString(16).padStart(2, "0")).join("")}`;
}

export async function verifyBlob(bytes: Uint8Array, digest: string): Promise<boolean> {
  checkDigest(digest);
  if (!digest.startsWith("sha256:")) throw fail("INVALID_DIGEST", digest, "only sha256 blobs can be verified here");
  return (await digestOf(bytes)) === digest;
}
