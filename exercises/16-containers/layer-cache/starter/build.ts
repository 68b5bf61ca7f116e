import { DockerfileParser } from "dockerfile-ast";
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

/** Replays a build against `cache`, adding every key it computes, and reports each step. */
export async function build(dockerfile: string, context: Record<string, string>, cache: Set<string>): Promise<Step[]> {
  const instructions = DockerfileParser.parse(dockerfile).getInstructions();
  // TODO: for each instruction, key = sha256 of (parent key, keyword, arguments, and for COPY/ADD
  // the paths and contents of the files it copies); cached = the cache already had the key.
  void BuildError;
  throw new Error(`not implemented: ${instructions.length} instructions, ${Object.keys(context).length} files, ${cache.size} keys`);
}
