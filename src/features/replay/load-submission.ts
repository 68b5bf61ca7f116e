import { checkIntegrity, parseSubmission, sessionFacts, SubmissionError, type Integrity, type SessionFacts, type Submission } from "../../exercises/submission";

export interface LoadedSubmission {
  name: string;
  submission: Submission;
  /** Chain and files checked against the submission's own task hash; the task itself cannot be. */
  integrity: Integrity;
  facts: SessionFacts;
}

/** A picked or dropped file as a submission, or a one-line reason it is not one. */
export async function loadSubmission(file: File): Promise<LoadedSubmission | { name: string; error: string }> {
  try {
    const submission = parseSubmission(await file.text());
    const integrity = await checkIntegrity(submission, submission.task.hash);
    return { name: file.name, submission, integrity, facts: sessionFacts(submission.log) };
  } catch (error) {
    if (error instanceof SubmissionError) return { name: file.name, error: error.message };
    return { name: file.name, error: `could not read the file (${(error as Error).message})` };
  }
}

/** What is wrong with the submission, in words an interviewer acts on. */
export function integrityProblems(integrity: Integrity): string[] {
  const problems: string[] = [];
  if (integrity.chain) problems.push(`The log was altered at event ${integrity.chain.seq} (its hash chain breaks there): what the replay shows from there on may not be what happened.`);
  if (!integrity.filesMatchLog) problems.push("The submitted files differ from what the log replays to: they were edited outside the session.");
  return problems;
}

export function formatClock(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  return `${Math.floor(seconds / 60)}m ${String(seconds % 60).padStart(2, "0")}s`;
}
