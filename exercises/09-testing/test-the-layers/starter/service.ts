/** The service layer: the business rules, with the repository injected. READ-ONLY: you test it. */
import { TaskError, noteCall, type Task } from "./errors";
import type { TaskRepo } from "./repo";

/** A user may have at most this many open tasks. */
export const MAX_OPEN_TASKS = 3;
/** A title is 1 to 80 characters after trimming. */
export const MAX_TITLE_LENGTH = 80;

export interface TaskService {
  /**
   * Creates an open task. The title is trimmed first, and the trimmed title is what is stored.
   * Empty or longer than 80 characters → INVALID_TITLE (the repository is not called).
   * The user has 3 open tasks already → QUOTA_EXCEEDED (nothing is inserted).
   */
  create(user: string, title: string): Promise<Task>;
  /**
   * Marks the user's task done. A task that does not exist or belongs to someone else → NOT_FOUND
   * (the same answer, so ids of other users' tasks are not revealed). A task done already is returned as it is.
   */
  complete(user: string, id: number): Promise<Task>;
  /** The user's open tasks, oldest first. */
  list(user: string): Promise<Task[]>;
}

export function makeTaskService(deps: { repo: TaskRepo }): TaskService {
  noteCall();
  const { repo } = deps;
  return {
    async create(user, title) {
      noteCall();
      const trimmed = title.trim();
      if (trimmed.length < 1 || trimmed.length > MAX_TITLE_LENGTH) throw new TaskError("INVALID_TITLE");
      if ((await repo.countOpen(user)) >= MAX_OPEN_TASKS) throw new TaskError("QUOTA_EXCEEDED");
      return repo.insert(user, trimmed);
    },
    async complete(user, id) {
      noteCall();
      const task = await repo.get(id);
      if (!task || task.owner !== user) throw new TaskError("NOT_FOUND");
      if (task.done) return task;
      return repo.markDone(id);
    },
    async list(user) {
      noteCall();
      return repo.listOpen(user);
    },
  };
}
