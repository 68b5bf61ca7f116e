import { z } from "zod";
import { LinkError, type ErrorCode } from "./errors";

export const MAX_URL_LENGTH = 2048;
/** Paths the app itself owns (or will): an alias must not shadow them. Compared case-insensitively. */
export const RESERVED = ["api", "links", "admin", "static", "health"];

export interface LinkInput {
  url: string;
  alias?: string;
  expiresAt?: Date;
}

/** An allow-list, not a block-list: javascript:, data:, vbscript:, file: and whatever comes next all fail. */
function isWebUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
  } catch {
    return false;
  }
}

const Body = z.object({
  url: z.string().max(MAX_URL_LENGTH).refine(isWebUrl),
  alias: z.string().regex(/^[A-Za-z0-9_-]{3,32}$/).optional(),
  expiresAt: z.iso.datetime({ offset: true }).optional(),
});

const codeFor: Record<string, ErrorCode> = { url: "URL_INVALID", alias: "ALIAS_INVALID", expiresAt: "EXPIRES_INVALID" };
const order = ["url", "alias", "expiresAt"];

/** The request body checked in order url, alias, expiresAt; the first problem is thrown as a LinkError. */
export function parseLinkInput(body: unknown, now: Date): LinkInput {
  const parsed = Body.safeParse(body);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => String(issue.path[0] ?? "url"));
    const first = order.find((field) => fields.includes(field)) ?? "url";
    throw new LinkError(codeFor[first]!, `${first}: ${parsed.error.issues.find((i) => (i.path[0] ?? "url") === first)?.message}`);
  }
  const { url, alias, expiresAt } = parsed.data;
  if (alias !== undefined && RESERVED.includes(alias.toLowerCase())) {
    throw new LinkError("ALIAS_RESERVED", `alias: "${alias}" is reserved`);
  }
  const input: LinkInput = { url };
  if (alias !== undefined) input.alias = alias;
  if (expiresAt !== undefined) {
    input.expiresAt = new Date(expiresAt);
    if (input.expiresAt.getTime() <= now.getTime()) throw new LinkError("EXPIRES_INVALID", "expiresAt: must be in the future");
  }
  return input;
}
