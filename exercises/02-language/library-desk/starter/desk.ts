import { LibraryError } from "./errors";
import type { Library } from "./library";

/**
 * The console: one command line in, the lines to print out. A refusal prints
 * `error: <CODE>`; nothing a learner types can crash the desk.
 */
export function execute(library: Library, line: string): string[] {
  // TODO: split the line, dispatch on the command, format the answer (see README.md).
  throw new LibraryError("UNKNOWN_COMMAND", `TODO: execute(${line}) on ${typeof library}`);
}
