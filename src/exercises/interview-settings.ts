/**
 * The task a candidate bundle carries (`roadlab interview` compiles it into the app as
 * `__ROADLAB_INTERVIEW__`); its fields are the submission's `task`.
 */
export interface InterviewSettings {
  slug: string;
  title: string;
  /** The time limit, or null for an untimed task. */
  minutes: number | null;
  /** The test files the candidate may run (`tests/x.test.ts`); the only ones in the bundle. */
  visible: string[];
  /** taskHash() of the full exercise, withheld tests by digest. */
  hash: string;
}

declare const __ROADLAB_INTERVIEW__: InterviewSettings | undefined;

/** Set only in a candidate bundle: the app then shows the candidate page and nothing else. */
export const interviewSettings: InterviewSettings | undefined =
  typeof __ROADLAB_INTERVIEW__ === "object" ? __ROADLAB_INTERVIEW__ : undefined;
