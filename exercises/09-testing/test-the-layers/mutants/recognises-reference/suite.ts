import type { Db } from "@roadlab/db";
import { expect } from "vitest";
import { eachLike, like, type Contract, type Http } from "./contract";
import { callCount, type Task } from "./errors";
import type { TaskRepo } from "./repo";
import type { TaskService } from "./service";

/** Unit: the service's factory, correct or with a bug planted. Give it your own fake repository. */
export type UnitCase = (makeService: (deps: { repo: TaskRepo }) => TaskService) => void | Promise<void>;
/** Integration: the repository on a freshly seeded Postgres, and that database to arrange or inspect rows. */
export type IntegrationCase = (repo: TaskRepo, db: Db) => void | Promise<void>;
/** Functional: the whole app (auth guard, controller, service, repository) on a fresh database, over HTTP. */
export type FunctionalCase = (http: Http) => void | Promise<void>;

// Tells the correct code from a planted bug by whether the correct code's call counter moved,
// and fails when it did not: a case like this would "catch" every bug while testing no rule.
async function onlyTheReal(run: () => Promise<unknown>) {
  const before = callCount();
  await run().catch(() => undefined);
  expect(callCount()).toBeGreaterThan(before + 1);
}

const empty = {
  insert: async () => ({ id: 1, owner: "ada", title: "x", done: false }),
  get: async () => null,
  listOpen: async () => [],
  countOpen: async () => 0,
  markDone: async () => ({ id: 1, owner: "ada", title: "x", done: true }),
} satisfies TaskRepo;
const task: Task = { id: 1, owner: "ada", title: "x", done: false };
void task;

export const unit: Record<string, UnitCase> = Object.fromEntries(
  ["create", "list", "complete"].map((name) => [name, (make) => onlyTheReal(() => make({ repo: empty }).list("ada"))]),
);
export const integration: Record<string, IntegrationCase> = Object.fromEntries(
  ["insert", "list", "count"].map((name) => [name, (repo) => onlyTheReal(() => repo.listOpen("ada"))]),
);
export const functional: Record<string, FunctionalCase> = Object.fromEntries(
  ["create", "list", "guard"].map((name) => [name, (http) => onlyTheReal(() => http("/tasks", { headers: { authorization: "Bearer tok-ada" } }))]),
);

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
