import { z } from "zod";
import { LinkError } from "./errors";

export const MAX_URL_LENGTH = 2048;
/** Paths the app itself owns (or will): an alias must not shadow them. Compared case-insensitively. */
export const RESERVED = ["api", "links", "admin", "static", "health"];

export interface LinkInput {
  url: string;
  alias?: string;
  expiresAt?: Date;
}

/**
 * The request body, checked; a problem is thrown as a LinkError (URL_INVALID, ALIAS_INVALID or
 * ALIAS_RESERVED, EXPIRES_INVALID). See the README for each rule. A zod object schema (z.string().max, .refine, .regex, z.iso.datetime) is a good start.
 */
export function parseLinkInput(body: unknown, now: Date): LinkInput {
  void z;
  void LinkError;
  throw new Error(`parseLinkInput(${JSON.stringify(body)}, ${now.toISOString()}): not implemented`);
}
