/** Shared by every layer of the to-do service. READ-ONLY. */

export type TaskErrorCode = "INVALID_TITLE" | "QUOTA_EXCEEDED" | "DUPLICATE_TITLE" | "NOT_FOUND";

/** Every rule the service enforces fails with one of these codes; check `code`, not the message. */
export class TaskError extends Error {
  constructor(
    readonly code: TaskErrorCode,
    message: string = code,
  ) {
    super(message);
    this.name = "TaskError";
  }
}

export interface Task {
  id: number;
  owner: string;
  title: string;
  done: boolean;
}

// Bookkeeping for the grader: every function of the service counts its calls, so a case that
// calls the correct code imported from these files (instead of what it was given) is noticed.
let calls = 0;
export function noteCall(): void {
  calls++;
}
export function callCount(): number {
  return calls;
}
