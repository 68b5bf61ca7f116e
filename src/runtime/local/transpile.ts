import { transform as sucrase } from "sucrase";

/** A learner's syntax error, already phrased as the message shown to them. */
export class LearnerSyntaxError extends Error {
  override name = "LearnerSyntaxError";
}

/**
 * TypeScript → JavaScript by stripping types. Sucrase keeps line numbers, so stack traces and
 * syntax errors point at the lines the learner sees (FACTS: 3–7 ms for a 200-line file).
 */
export function transpile(code: string, file: string): string {
  // A warm run mostly transpiles what the last one did (the hidden tests always): reuse it.
  const key = `${file}\0${code}`;
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  const js = transform(code, file);
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
  cache.set(key, js);
  return js;
}

/** Enough for every file of a few exercises; the oldest entry goes first. */
const CACHE_SIZE = 64;
const cache = new Map<string, string>();

function transform(code: string, file: string): string {
  try {
    return sucrase(code, {
      transforms: ["typescript"],
      filePath: file,
      disableESTransforms: true,
      // Vitest elides unused imports too; keeping them would make verdicts differ.
      keepUnusedImports: false,
    }).code;
  } catch (error) {
    const { message, loc } = error as Error & { loc?: { line: number; column: number } };
    const what = message.replace(/^Error transforming [^:]+: /, "").replace(/ \(\d+:\d+\)$/, "");
    const where = loc ? `${file}:${loc.line}:${loc.column}` : file;
    throw new LearnerSyntaxError(`Syntax error at ${where}: ${what}`);
  }
}
