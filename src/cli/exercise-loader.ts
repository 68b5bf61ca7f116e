import path from "node:path";
import { parsePack, type PackResult } from "../exercises/pack";
import { readPack } from "./load-pack";

/** Loads and validates the pack in `dir`, naming files relative to the working directory. */
export async function loadExercise(dir: string): Promise<PackResult> {
  const label = path.relative(process.cwd(), path.resolve(dir)) || ".";
  return parsePack(label.split(path.sep).join("/"), await readPack(dir));
}
