import type { Db } from "@roadlab/db";
import { expect, vi } from "vitest";
import { eachLike, like, type Contract, type Http } from "./contract";
import type { Task } from "./errors";
import type { TaskRepo } from "./repo";
import { makeTaskService, type TaskService } from "./service";

/** Unit: the service's factory, correct or with a bug planted. Give it your own fake repository. */
export type UnitCase = (makeService: (deps: { repo: TaskRepo }) => TaskService) => void | Promise<void>;
/** Integration: the repository on a freshly seeded Postgres, and that database to arrange or inspect rows. */
export type IntegrationCase = (repo: TaskRepo, db: Db) => void | Promise<void>;
/** Functional: the whole app (auth guard, controller, service, repository) on a fresh database, over HTTP. */
export type FunctionalCase = (http: Http) => void | Promise<void>;

// ---------- unit: a fake repository whose methods are vi.fn spies
function fakeRepo(initial: Task[] = []) {
  const tasks = initial.map((t) => ({ ...t }));
  const repo = {
    insert: vi.fn(async (owner: string, title: string) => {
      const task = { id: tasks.length + 1, owner, title, done: false };
      tasks.push(task);
      return { ...task };
    }),
    get: vi.fn(async (id: number) => {
      const task = tasks.find((t) => t.id === id);
      return task ? { ...task } : null;
    }),
    listOpen: vi.fn(async (owner: string) => tasks.filter((t) => t.owner === owner && !t.done).map((t) => ({ ...t }))),
    countOpen: vi.fn(async (owner: string) => tasks.filter((t) => t.owner === owner && !t.done).length),
    markDone: vi.fn(async (id: number) => {
      const task = tasks.find((t) => t.id === id)!;
      task.done = true;
      return { ...task };
    }),
  } satisfies TaskRepo;
  return repo;
}
const open = (id: number, owner: string, title = `task ${id}`): Task => ({ id, owner, title, done: false });

export const unit: Record<string, UnitCase> = {
  "stores the trimmed title": async (make) => {
    // Compares with the imported service: always the correct code, so this proves nothing.
    const theirs = await make({ repo: fakeRepo() }).create("ada", "  Buy milk  ");
    const ours = await makeTaskService({ repo: fakeRepo() }).create("ada", "  Buy milk  ");
    expect(theirs).toEqual(ours);
  },
  "accepts a title of 80 characters and rejects 81 or an empty one, without touching the repo": async (make) => {
    const repo = fakeRepo();
    const service = make({ repo });
    await expect(service.create("ada", "x".repeat(80))).resolves.toMatchObject({ title: "x".repeat(80) });
    repo.insert.mockClear();
    await expect(service.create("ada", "x".repeat(81))).rejects.toMatchObject({ code: "INVALID_TITLE" });
    await expect(service.create("ada", "   ")).rejects.toMatchObject({ code: "INVALID_TITLE" });
    expect(repo.insert).not.toHaveBeenCalled();
  },
  "allows a third open task and refuses a fourth": async (make) => {
    const two = fakeRepo([open(1, "ada"), open(2, "ada")]);
    await expect(make({ repo: two }).create("ada", "third")).resolves.toMatchObject({ title: "third" });
    const three = fakeRepo([open(1, "ada"), open(2, "ada"), open(3, "ada")]);
    await expect(make({ repo: three }).create("ada", "fourth")).rejects.toMatchObject({ code: "QUOTA_EXCEEDED" });
    expect(three.insert).not.toHaveBeenCalled();
  },
  "answers NOT_FOUND for someone else's task and for a missing one": async (make) => {
    const repo = fakeRepo([open(1, "bob")]);
    const service = make({ repo });
    await expect(service.complete("ada", 1)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(service.complete("ada", 99)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(repo.markDone).not.toHaveBeenCalled();
  },
  "completes the user's own task": async (make) => {
    const repo = fakeRepo([open(1, "ada")]);
    await expect(make({ repo }).complete("ada", 1)).resolves.toMatchObject({ id: 1, done: true });
    expect(repo.markDone).toHaveBeenCalledWith(1);
  },
};

// ---------- integration: the real SQL against the real Postgres
export const integration: Record<string, IntegrationCase> = {
  "inserts an open task and reads it back": async (repo) => {
    const task = await repo.insert("ada", "Buy milk");
    expect(task).toMatchObject({ owner: "ada", title: "Buy milk", done: false });
    expect(await repo.get(task.id)).toEqual(task);
    expect(await repo.get(task.id + 1000)).toBeNull();
  },
  "lists only the owner's open tasks, oldest first": async (repo, db) => {
    const first = await repo.insert("ada", "first");
    await repo.insert("bob", "bob's");
    const second = await repo.insert("ada", "second");
    const finished = await repo.insert("ada", "finished");
    await db.query("UPDATE tasks SET done = true WHERE id = $1", [finished.id]);
    expect((await repo.listOpen("ada")).map((t) => t.id)).toEqual([first.id, second.id]);
    expect(await repo.countOpen("ada")).toBe(2);
  },
  "maps a duplicate title to DUPLICATE_TITLE, per owner": async (repo) => {
    await repo.insert("ada", "Buy milk");
    await expect(repo.insert("ada", "Buy milk")).rejects.toMatchObject({ code: "DUPLICATE_TITLE" });
    await expect(repo.insert("bob", "Buy milk")).resolves.toMatchObject({ owner: "bob" });
  },
  "marks a task done": async (repo, db) => {
    const task = await repo.insert("ada", "Buy milk");
    expect(await repo.markDone(task.id)).toMatchObject({ id: task.id, done: true });
    const { rows } = await db.query<{ done: boolean }>("SELECT done FROM tasks WHERE id = $1", [task.id]);
    expect(rows[0].done).toBe(true);
  },
};

// ---------- functional: HTTP requests through the whole stack
const as = (token: string | undefined, method: string, body?: unknown): RequestInit => ({
  method,
  headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { "content-type": "application/json" } : {}) },
  body: body === undefined ? undefined : JSON.stringify(body),
});
const codeOf = async (res: Response) => ((await res.json()) as { error: { code: string } }).error.code;

export const functional: Record<string, FunctionalCase> = {
  "creates a task: 201 and the task without its owner": async (http) => {
    const res = await http("/tasks", as("tok-ada", "POST", { title: "Buy milk" }));
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body).toEqual({ id: expect.any(Number), title: "Buy milk", done: false });
  },
  "maps the service's errors to 400, 409 and 404": async (http) => {
    expect(await codeOf(await http("/tasks", as("tok-ada", "POST", { title: " " })))).toBe("INVALID_TITLE");
    for (const title of ["a", "b", "c"]) expect((await http("/tasks", as("tok-ada", "POST", { title }))).status).toBe(201);
    const full = await http("/tasks", as("tok-ada", "POST", { title: "d" }));
    expect(full.status).toBe(409);
    expect(await codeOf(full)).toBe("QUOTA_EXCEEDED");
    const bad = await http("/tasks", as("tok-ada", "POST", { name: "x" }));
    expect(bad.status).toBe(400);
    expect((await http("/tasks/1/done", as("tok-bob", "POST"))).status).toBe(404);
  },
  "refuses a request without a known bearer token, on every route": async (http) => {
    for (const init of [as(undefined, "GET"), as("tok-eve", "GET"), as("tok-eve", "POST", { title: "x" }), { method: "GET", headers: { authorization: "Basic dG9rLWFkYQ==" } }]) {
      const res = await http("/tasks", init);
      expect(res.status).toBe(401);
      expect(await codeOf(res)).toBe("UNAUTHENTICATED");
    }
    expect((await http("/tasks/1/done", as(undefined, "POST"))).status).toBe(401);
  },
  "shows each user their own open tasks": async (http) => {
    await http("/tasks", as("tok-ada", "POST", { title: "ada's" }));
    await http("/tasks", as("tok-bob", "POST", { title: "bob's" }));
    const res = await http("/tasks", as("tok-bob", "GET"));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ tasks: [{ id: expect.any(Number), title: "bob's", done: false }] });
  },
};

// ---------- contract: what the dashboard (client.ts) relies on
const taskShape = { id: like(1), title: like("Water the plants"), done: like(false) };

export const contract: Contract = {
  consumer: "dashboard",
  provider: "tasks-api",
  interactions: [
    {
      description: "listing Ada's open tasks",
      given: "ada has an open task",
      request: { method: "GET", path: "/tasks", token: "tok-ada" },
      response: { status: 200, body: { tasks: eachLike(taskShape) } },
    },
    {
      description: "creating a task",
      given: "no tasks",
      request: { method: "POST", path: "/tasks", token: "tok-ada", body: { title: "Water the plants" } },
      response: { status: 201, body: { ...taskShape, title: "Water the plants", done: false } },
    },
  ],
};
