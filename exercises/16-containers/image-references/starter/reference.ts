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

/** Parses an image reference the way `docker pull` does. Throws ImageRefError. */
export function parseReference(ref: string): ImageReference {
  // TODO: split off the digest, then the registry (Docker's rule), then the tag; validate each part.
  void ImageRefError;
  throw new Error(`not implemented: ${ref}`);
}

/** The fully qualified form: registry/repository, with :latest when neither tag nor digest was given. */
export function normalise(ref: string): string {
  throw new Error(`not implemented: ${ref}`);
}

/** The short form `docker images` shows: no docker.io/, no library/ for official images. */
export function familiar(ref: string): string {
  throw new Error(`not implemented: ${ref}`);
}

/** The URL of the manifest a pull fetches first: the digest if given, else the tag, else latest. */
export function manifestUrl(ref: string): string {
  throw new Error(`not implemented: ${ref}`);
}

/** The content address of a blob: "sha256:" and 64 lowercase hex digits (use crypto.subtle). */
export async function digestOf(bytes: Uint8Array): Promise<string> {
  throw new Error(`not implemented: ${bytes.length} bytes`);
}

/** Whether bytes downloaded from a registry match the digest they were asked for by. */
export async function verifyBlob(bytes: Uint8Array, digest: string): Promise<boolean> {
  throw new Error(`not implemented: ${bytes.length} bytes, ${digest}`);
}
