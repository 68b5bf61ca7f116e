import type { Db } from "@roadlab/db";
import { expect, vi } from "vitest";
import { eachLike, type Contract, type Http } from "./contract";
import type { Task } from "./errors";
import type { TaskRepo } from "./repo";
import type { TaskService } from "./service";

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
/** A task for a fake's initial rows. */
export const open = (id: number, owner: string, title = `task ${id}`): Task => ({ id, owner, title, done: false });

export const unit: Record<string, UnitCase> = {
  "stores the trimmed title": async (make) => {
    const repo = fakeRepo();
    const task = await make({ repo }).create("ada", "  Buy milk  ");
    expect(repo.insert).toHaveBeenCalledWith("ada", "Buy milk");
    expect(task.title).toBe("Buy milk");
  },
  // TODO: the title's length limits (both sides of 80), the quota of 3 open tasks (both sides),
  // completing: your own task, someone else's, a missing one. Check what the repo was asked, too.
};

// ---------- integration: the real SQL against the real Postgres
export const integration: Record<string, IntegrationCase> = {
  "inserts an open task and reads it back": async (repo) => {
    const task = await repo.insert("ada", "Buy milk");
    expect(await repo.get(task.id)).toEqual(task);
  },
  // TODO: listOpen with two owners and a done task (set done with db.query), the order,
  // countOpen, a duplicate title for one owner and the same title for another, markDone.
};

// ---------- functional: HTTP requests through the whole stack
export const functional: Record<string, FunctionalCase> = {
  "lists no tasks for a new user": async (http) => {
    const res = await http("/tasks", { headers: { authorization: "Bearer tok-ada" } });
    expect(await res.json()).toEqual({ tasks: [] });
  },
  // TODO: POST /tasks (status and body), each error status and code, and the guard: no header,
  // an unknown token, another scheme — on GET and on POST.
};

// ---------- contract: what the dashboard (client.ts) relies on
export const contract: Contract = {
  consumer: "dashboard",
  provider: "tasks-api",
  interactions: [
    {
      description: "listing Ada's open tasks",
      given: "ada has an open task",
      request: { method: "GET", path: "/tasks", token: "tok-ada" },
      // TODO: say which fields of each task the dashboard reads, with like() for values that vary.
      response: { status: 200, body: { tasks: eachLike({}) } },
    },
    // TODO: every other request client.ts makes.
  ],
};
