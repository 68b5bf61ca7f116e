import type { Change, LogEvent } from "./log";

export function applyChanges(text: string, changes: readonly Change[]): string {
  let result = text;
  for (const { rangeOffset, rangeLength, text: inserted } of changes) {
    if (rangeOffset + rangeLength > result.length) throw new ReplayError(`a change reaches past the end of the file (offset ${rangeOffset + rangeLength} > ${result.length})`);
    result = result.slice(0, rangeOffset) + inserted + result.slice(rangeOffset + rangeLength);
  }
  return result;
}

export class ReplayError extends Error {
  readonly code = "REPLAY";
}

/**
 * The files as they stood after the first `upTo` events (all of them by default): what a replay
 * shows at a point of the timeline, and what the submitted files must equal.
 */
export function replayFiles(log: readonly LogEvent[], upTo = log.length): Record<string, string> {
  let files: Record<string, string> = {};
  for (const event of log.slice(0, upTo)) {
    if (event.type === "start" || event.type === "set-files") files = { ...event.files };
    else if (event.type === "edit") {
      if (!(event.file in files)) throw new ReplayError(`event ${event.seq} edits ${event.file}, which the session does not have`);
      files[event.file] = applyChanges(files[event.file], event.changes);
    }
  }
  return files;
}
