import { canonicalJson, sha256Hex } from "./canonical-json";

export interface TaskParts {
  slug: string;
  readme: string;
  starter: Record<string, string>;
  /** Every hidden test file, withheld ones included: only their digests go into the hash. */
  tests: Record<string, string>;
  visible: readonly string[];
  minutes: number | null;
}

/**
 * Identifies the task a candidate was given: the exercise's text, starter and tests (withheld
 * tests by digest only, so the bundle can carry the hash without their text), which tests were
 * visible and the time limit. `grade` recomputes it from the exercise folder to tell a
 * submission for a different task or version.
 */
export async function taskHash(parts: TaskParts): Promise<string> {
  const testDigests: Record<string, string> = {};
  for (const name of Object.keys(parts.tests).sort()) testDigests[name] = await sha256Hex(parts.tests[name]);
  return sha256Hex(
    canonicalJson({
      slug: parts.slug,
      readme: parts.readme,
      starter: parts.starter,
      tests: testDigests,
      visible: [...parts.visible].sort(),
      minutes: parts.minutes,
    }),
  );
}
