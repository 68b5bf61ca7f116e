/** The repository layer: SQL on Postgres. READ-ONLY: you test it. */
import type { Db } from "@roadlab/db";
import { TaskError, noteCall, type Task } from "./errors";

export interface TaskRepo {
  /** Inserts an open task. The same title twice for one owner → TaskError DUPLICATE_TITLE. */
  insert(owner: string, title: string): Promise<Task>;
  /** The task with this id, whoever owns it, or null. */
  get(id: number): Promise<Task | null>;
  /** The owner's open (not done) tasks only, oldest (lowest id) first. */
  listOpen(owner: string): Promise<Task[]>;
  /** How many open tasks the owner has. */
  countOpen(owner: string): Promise<number>;
  /** Marks the task done and returns it. */
  markDone(id: number): Promise<Task>;
}

const COLUMNS = "id, owner, title, done";

export function makeTaskRepo(db: Db): TaskRepo {
  noteCall();
  return {
    async insert(owner, title) {
      noteCall();
      try {
        const { rows } = await db.query<Task>(`INSERT INTO tasks (owner, title) VALUES ($1, $2) RETURNING ${COLUMNS}`, [owner, title]);
        return rows[0];
      } catch (error) {
        // 23505 is Postgres's unique_violation: the (owner, title) constraint.
        if ((error as { code?: string }).code === "23505") throw new TaskError("DUPLICATE_TITLE", `"${title}" exists already`);
        throw error;
      }
    },
    async get(id) {
      noteCall();
      const { rows } = await db.query<Task>(`SELECT ${COLUMNS} FROM tasks WHERE id = $1`, [id]);
      return rows[0] ?? null;
    },
    async listOpen(owner) {
      noteCall();
      const { rows } = await db.query<Task>(`SELECT ${COLUMNS} FROM tasks WHERE owner = $1 AND NOT done ORDER BY id`, [owner]);
      return rows;
    },
    async countOpen(owner) {
      noteCall();
      const { rows } = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM tasks WHERE owner = $1 AND NOT done", [owner]);
      return rows[0].n;
    },
    async markDone(id) {
      noteCall();
      const { rows } = await db.query<Task>(`UPDATE tasks SET done = true WHERE id = $1 RETURNING ${COLUMNS}`, [id]);
      return rows[0];
    },
  };
}
