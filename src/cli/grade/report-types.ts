import type { TestStatus } from "../../runtime/results";

/** One hidden test's verdict on one submission. */
export interface GradedTest {
  /** The test file, `tests/x.test.ts`. */
  file: string;
  name: string;
  /** The candidate never saw this test's file. */
  withheld: boolean;
  status: TestStatus;
  message?: string;
}

/** What an interviewer reads about one candidate, beside the score. */
export interface CandidateFacts {
  usedMs: number;
  /** The task's time limit, or null for an untimed task. */
  minutes: number | null;
  pastes: number;
  pastedChars: number;
  largestPaste: number;
  focusLosses: number;
  runs: number;
  reloads: number;
}

export interface Graded {
  /** The submission file as given on the command line. */
  file: string;
  /** The file's name without `.json`. */
  candidate: string;
  /** 0–100: the share of the hidden tests (skipped ones aside) that passed. */
  score: number;
  passed: number;
  total: number;
  tests: GradedTest[];
  /** Why the run could not complete, when it could not (a throw at import, a hang). */
  runError?: string;
  facts: CandidateFacts;
  /** Integrity problems and other things to look at: "different task", "log altered (event 4)", … */
  flags: string[];
}

/** A file that could not be graded, and why, in one line. */
export interface GradeError {
  file: string;
  message: string;
}

/** `roadlab grade --json`: one object. */
export interface GradeReport {
  exercise: { slug: string; title: string; dir: string };
  graded: Graded[];
  errors: GradeError[];
}
