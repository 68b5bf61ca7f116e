/** The controller layer: HTTP in, service called, errors mapped to statuses. READ-ONLY: you test it. */
import { Hono, type MiddlewareHandler } from "hono";
import { TaskError, noteCall, type Task, type TaskErrorCode } from "./errors";
import type { AuthEnv } from "./auth";
import type { TaskService } from "./service";

const STATUS: Record<TaskErrorCode, 400 | 404 | 409> = {
  INVALID_TITLE: 400,
  QUOTA_EXCEEDED: 409,
  DUPLICATE_TITLE: 409,
  NOT_FOUND: 404,
};

/** What a client sees of a task: the owner stays on the server. */
function view(task: Task) {
  return { id: task.id, title: task.title, done: task.done };
}

/**
 *   POST /tasks {"title": string}  → 201 {id, title, done}; a body without a string title → 400 BAD_REQUEST
 *   GET  /tasks                    → 200 {"tasks": [{id, title, done}, …]} (the user's open tasks)
 *   POST /tasks/:id/done           → 200 {id, title, done}; an id that is not digits → 404 NOT_FOUND
 * Errors are {"error":{"code": …}}: INVALID_TITLE 400, QUOTA_EXCEEDED 409, DUPLICATE_TITLE 409, NOT_FOUND 404.
 */
export function makeApp(deps: { service: TaskService; auth: MiddlewareHandler<AuthEnv> }) {
  noteCall();
  const { service } = deps;
  const app = new Hono<AuthEnv>();

  app.onError((error, c) => {
    if (error instanceof TaskError) return c.json({ error: { code: error.code } }, STATUS[error.code]);
    return c.json({ error: { code: "INTERNAL" } }, 500);
  });

  app.use("*", deps.auth);

  app.post("/tasks", async (c) => {
    const body: unknown = await c.req.json().catch(() => undefined);
    const title = (body as { title?: unknown } | undefined)?.title;
    if (typeof title !== "string") return c.json({ error: { code: "BAD_REQUEST" } }, 400);
    return c.json(view(await service.create(c.get("user"), title)), 201);
  });

  app.get("/tasks", async (c) => c.json({ tasks: (await service.list(c.get("user"))).map(view) }));

  app.post("/tasks/:id/done", async (c) => {
    const id = c.req.param("id");
    if (!/^\d{1,9}$/.test(id)) return c.json({ error: { code: "NOT_FOUND" } }, 404);
    return c.json(view(await service.complete(c.get("user"), Number(id))));
  });

  return app;
}
