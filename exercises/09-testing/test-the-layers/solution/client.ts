/**
 * The consumer: the dashboard's client for the to-do API. READ-ONLY. It reads exactly these
 * fields, and a contract must promise them: the provider may add fields, never drop or change these.
 */
import type { Http } from "./contract";

export interface TaskView {
  id: number;
  title: string;
  done: boolean;
}

export class ConsumerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConsumerError";
  }
}

function toView(x: unknown): TaskView {
  const t = x as Partial<TaskView> | null;
  if (!t || typeof t.id !== "number" || typeof t.title !== "string" || typeof t.done !== "boolean") {
    throw new ConsumerError(`not a task: ${JSON.stringify(x)}`);
  }
  return { id: t.id, title: t.title, done: t.done };
}

/** GET /tasks as the user: expects 200 and {"tasks": [task, …]}. */
export async function fetchOpenTasks(http: Http, token: string): Promise<TaskView[]> {
  const res = await http("/tasks", { method: "GET", headers: { authorization: `Bearer ${token}` } });
  if (res.status !== 200) throw new ConsumerError(`GET /tasks answered ${res.status}`);
  const body = (await res.json()) as { tasks?: unknown };
  if (!Array.isArray(body?.tasks)) throw new ConsumerError("GET /tasks: no tasks array");
  return body.tasks.map(toView);
}

/** POST /tasks as the user: expects 201 and the new task. */
export async function addTask(http: Http, token: string, title: string): Promise<TaskView> {
  const res = await http("/tasks", {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify({ title }),
  });
  if (res.status !== 201) throw new ConsumerError(`POST /tasks answered ${res.status}`);
  return toView(await res.json());
}
