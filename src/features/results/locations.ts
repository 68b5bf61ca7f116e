/** A place in a learner file, as stack traces and syntax errors name it: `main.ts:12:5`. */
export interface SourceLocation {
  file: string;
  line: number;
  column?: number;
}

export interface FoundLocation extends SourceLocation {
  /** Where the location's text sits in the message. */
  start: number;
  end: number;
}

// Stack frames read `sandbox:///main.ts:3:9` (the runtime's sourceURL); syntax errors `main.ts:3:9`.
const LOCATION = /(?:sandbox:\/\/\/)?((?:[\w.-]+\/)*[\w.-]+\.(?:ts|tsx|js|mjs)):(\d+)(?::(\d+))?/g;

/** Locations in `text` that point into one of the learner's `files` (hidden tests are not theirs to open). */
export function findLocations(text: string, files: readonly string[]): FoundLocation[] {
  const found: FoundLocation[] = [];
  for (const match of text.matchAll(LOCATION)) {
    const file = match[1];
    if (!files.includes(file)) continue;
    found.push({
      file,
      line: Number(match[2]),
      column: match[3] ? Number(match[3]) : undefined,
      start: match.index,
      end: match.index + match[0].length,
    });
  }
  return found;
}

export type Segment = { text: string; location?: SourceLocation };

/** Splits a message into plain text and locations, to render the locations as links. */
export function segments(text: string, files: readonly string[]): Segment[] {
  const parts: Segment[] = [];
  let at = 0;
  for (const { start, end, file, line, column } of findLocations(text, files)) {
    if (start > at) parts.push({ text: text.slice(at, start) });
    parts.push({ text: text.slice(start, end), location: { file, line, column } });
    at = end;
  }
  if (at < text.length) parts.push({ text: text.slice(at) });
  return parts;
}
