/**
 * Planted bugs, one per copy of a layer. A good suite fails on each — with a case of that layer —
 * while the correct code passes it all. The copies are written out here, apart from the files the
 * learner reads, so no case can recognise them.
 */
import { Hono, type MiddlewareHandler } from "hono";
import type { Db } from "@roadlab/db";
import { bearerAuth, type AuthEnv } from "../auth";
import { TaskError, noteCall, type Task, type TaskErrorCode } from "../errors";
import { makeApp } from "../http";
import { makeTaskRepo, type TaskRepo } from "../repo";
import { makeTaskService, type TaskService } from "../service";

export type Layer = "unit" | "integration" | "functional" | "contract";

export interface Parts {
  makeTaskRepo: (db: Db) => TaskRepo;
  makeTaskService: (deps: { repo: TaskRepo }) => TaskService;
  bearerAuth: (tokens: Readonly<Record<string, string>>) => MiddlewareHandler<AuthEnv>;
  makeApp: (deps: { service: TaskService; auth: MiddlewareHandler<AuthEnv> }) => Hono<AuthEnv>;
}

export const reference: Parts = { makeTaskRepo, makeTaskService, bearerAuth, makeApp };

export interface Planted {
  layer: Layer;
  title: string;
  bug: string;
  advice: string;
  hidden?: boolean;
  area?: string;
  parts: Partial<Parts>;
}

/**
 * The copy counts its calls exactly as the correct code does (once per factory call, once per
 * method call), so callCount() cannot tell a planted bug from the correct code either.
 */
function counted<A extends unknown[], T extends object>(factory: (...args: A) => T): (...args: A) => T {
  return (...args) => {
    noteCall();
    const made = factory(...args);
    if (typeof made === "function") {
      return ((...inner: unknown[]) => {
        noteCall();
        return (made as (...a: unknown[]) => unknown)(...inner);
      }) as T;
    }
    if (made instanceof Hono) return made;
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(made)) {
      out[key] = typeof value === "function" ? (...inner: unknown[]) => (noteCall(), (value as (...a: unknown[]) => unknown)(...inner)) : value;
    }
    return out as T;
  };
}

interface ServiceKnobs {
  full: (open: number) => boolean;
  stored: (title: string) => string;
  maxLength: number;
  checkOwner: boolean;
}
const rightService: ServiceKnobs = { full: (n) => n >= 3, stored: (t) => t.trim(), maxLength: 80, checkOwner: true };

function service(knobs: Partial<ServiceKnobs>): Parts["makeTaskService"] {
  const k = { ...rightService, ...knobs };
  return counted(({ repo }: { repo: TaskRepo }): TaskService => ({
    async create(user, title) {
      const trimmed = title.trim();
      if (trimmed.length < 1 || trimmed.length > k.maxLength) throw new TaskError("INVALID_TITLE");
      if (k.full(await repo.countOpen(user))) throw new TaskError("QUOTA_EXCEEDED");
      return repo.insert(user, k.stored(title));
    },
    async complete(user, id) {
      const task = await repo.get(id);
      if (!task || (k.checkOwner && task.owner !== user)) throw new TaskError("NOT_FOUND");
      if (task.done) return task;
      return repo.markDone(id);
    },
    list: (user) => repo.listOpen(user),
  }));
}

const COLUMNS = "id, owner, title, done";
function repo(knobs: { listWhere?: string; mapUnique?: boolean }): Parts["makeTaskRepo"] {
  const listWhere = knobs.listWhere ?? "owner = $1 AND NOT done";
  const mapUnique = knobs.mapUnique ?? true;
  return counted((db: Db): TaskRepo => ({
    async insert(owner, title) {
      try {
        return (await db.query<Task>(`INSERT INTO tasks (owner, title) VALUES ($1, $2) RETURNING ${COLUMNS}`, [owner, title])).rows[0];
      } catch (error) {
        if (mapUnique && (error as { code?: string }).code === "23505") throw new TaskError("DUPLICATE_TITLE");
        throw error;
      }
    },
    get: async (id) => (await db.query<Task>(`SELECT ${COLUMNS} FROM tasks WHERE id = $1`, [id])).rows[0] ?? null,
    async listOpen(owner) {
      // $1 is always sent; a WHERE that forgot the owner still names it so Postgres accepts the parameter.
      const where = listWhere.includes("$1") ? listWhere : `${listWhere} AND $1::text IS NOT NULL`;
      return (await db.query<Task>(`SELECT ${COLUMNS} FROM tasks WHERE ${where} ORDER BY id`, [owner])).rows;
    },
    countOpen: async (owner) => (await db.query<{ n: number }>("SELECT count(*)::int AS n FROM tasks WHERE owner = $1 AND NOT done", [owner])).rows[0].n,
    markDone: async (id) => (await db.query<Task>(`UPDATE tasks SET done = true WHERE id = $1 RETURNING ${COLUMNS}`, [id])).rows[0],
  }));
}

function auth(userFor: (header: string, tokens: Readonly<Record<string, string>>, method: string) => string | undefined): Parts["bearerAuth"] {
  return counted((tokens: Readonly<Record<string, string>>): MiddlewareHandler<AuthEnv> => async (c, next) => {
    const user = userFor(c.req.header("authorization") ?? "", tokens, c.req.method);
    if (user === undefined) {
      c.header("WWW-Authenticate", "Bearer");
      return c.json({ error: { code: "UNAUTHENTICATED" } }, 401);
    }
    c.set("user", user);
    await next();
  });
}
const knownToken = (header: string, tokens: Readonly<Record<string, string>>) => {
  const m = /^Bearer (\S+)$/.exec(header);
  return m && Object.hasOwn(tokens, m[1]) ? tokens[m[1]] : undefined;
};

const rightStatus: Record<TaskErrorCode, 400 | 404 | 409> = { INVALID_TITLE: 400, QUOTA_EXCEEDED: 409, DUPLICATE_TITLE: 409, NOT_FOUND: 404 };
function app(knobs: { created?: 200 | 201; status?: Partial<typeof rightStatus>; view?: (t: Task) => unknown }): Parts["makeApp"] {
  const status = { ...rightStatus, ...knobs.status };
  const view = knobs.view ?? ((t: Task) => ({ id: t.id, title: t.title, done: t.done }));
  return counted(({ service, auth }: { service: TaskService; auth: MiddlewareHandler<AuthEnv> }) => {
    const hono = new Hono<AuthEnv>();
    hono.onError((error, c) => (error instanceof TaskError ? c.json({ error: { code: error.code } }, status[error.code]) : c.json({ error: { code: "INTERNAL" } }, 500)));
    hono.use("*", auth);
    hono.post("/tasks", async (c) => {
      const body: unknown = await c.req.json().catch(() => undefined);
      const title = (body as { title?: unknown } | undefined)?.title;
      if (typeof title !== "string") return c.json({ error: { code: "BAD_REQUEST" } }, 400);
      return c.json(view(await service.create(c.get("user"), title)) as object, knobs.created ?? 201);
    });
    hono.get("/tasks", async (c) => c.json({ tasks: (await service.list(c.get("user"))).map(view) }));
    hono.post("/tasks/:id/done", async (c) => {
      const id = c.req.param("id");
      if (!/^\d{1,9}$/.test(id)) return c.json({ error: { code: "NOT_FOUND" } }, 404);
      return c.json(view(await service.complete(c.get("user"), Number(id))) as object);
    });
    return hono;
  });
}

export const planted: Planted[] = [
  // --- service, caught by unit cases (a fake repository, no database)
  {
    layer: "unit", title: "lets a fourth open task in",
    bug: "lets a user with 3 open tasks create a fourth (the quota check is > 3 instead of >= 3)",
    advice: "add a unit case whose fake repo reports 3 open tasks and expect create to reject with code QUOTA_EXCEEDED — and check insert was not called",
    parts: { makeTaskService: service({ full: (n) => n > 3 }) },
  },
  {
    layer: "unit", title: "stores the title untrimmed",
    bug: "checks the trimmed title but passes the untrimmed one to repo.insert",
    advice: "add a unit case that creates \"  Buy milk  \" and checks what the fake repo's insert received (a vi.fn spy: toHaveBeenCalledWith)",
    parts: { makeTaskService: service({ stored: (t) => t }) },
  },
  {
    layer: "unit", title: "lets a user complete someone else's task",
    bug: "completes a task that belongs to another user instead of rejecting with NOT_FOUND",
    advice: "add a unit case whose fake repo holds bob's task and expect complete(\"ada\", id) to reject with code NOT_FOUND",
    parts: { makeTaskService: service({ checkOwner: false }) },
  },
  {
    layer: "unit", title: "", bug: "", advice: "", hidden: true, area: "the service's create",
    parts: { makeTaskService: service({ maxLength: 81 }) },
  },
  // --- repository, caught by integration cases (real Postgres)
  {
    layer: "integration", title: "lists other owners' tasks too",
    bug: "lists every owner's open tasks in listOpen (the WHERE forgot the owner)",
    advice: "add an integration case that inserts tasks for two owners and expects listOpen to return only one owner's",
    parts: { makeTaskRepo: repo({ listWhere: "NOT done" }) },
  },
  {
    layer: "integration", title: "lets the unique violation escape unmapped",
    bug: "lets Postgres's unique violation (code 23505) escape from insert instead of throwing TaskError DUPLICATE_TITLE",
    advice: "add an integration case that inserts the same title twice for one owner and expects code DUPLICATE_TITLE (and that another owner may use the title)",
    parts: { makeTaskRepo: repo({ mapUnique: false }) },
  },
  {
    layer: "integration", title: "", bug: "", advice: "", hidden: true, area: "the repository's listOpen",
    parts: { makeTaskRepo: repo({ listWhere: "owner = $1" }) },
  },
  // --- controller and security, caught by functional (HTTP) cases
  {
    layer: "functional", title: "answers 200 to a create",
    bug: "answers POST /tasks with 200 instead of 201 Created",
    advice: "add a functional case that checks the status of POST /tasks, not only its body",
    parts: { makeApp: app({ created: 200 }) },
  },
  {
    layer: "functional", title: "", bug: "", advice: "", hidden: true, area: "the controller's error statuses",
    parts: { makeApp: app({ status: { QUOTA_EXCEEDED: 400 } }) },
  },
  {
    layer: "functional", title: "lets an unknown token in",
    bug: "lets a request with an unknown bearer token in, as a user named after the token",
    advice: "add a functional case that sends Authorization: Bearer with a token not in TOKENS and expects 401 UNAUTHENTICATED",
    parts: { bearerAuth: auth((h, tokens) => knownToken(h, tokens) ?? /^Bearer (\S+)$/.exec(h)?.[1]) },
  },
  {
    layer: "functional", title: "", bug: "", advice: "", hidden: true, area: "the auth guard",
    parts: { bearerAuth: auth((h, tokens, method) => knownToken(h, tokens) ?? (method === "GET" ? "" : undefined)) },
  },
  // --- the provider's responses, caught by the contract
  {
    layer: "contract", title: "renames done to completed",
    bug: "renames the field done to completed in every task it returns — a change the dashboard cannot read",
    advice: "make the contract's response bodies name every field client.ts reads (id, title, done), with like() for values that vary",
    parts: { makeApp: app({ view: (t) => ({ id: t.id, title: t.title, completed: t.done }) }) },
  },
  {
    layer: "contract", title: "", bug: "", advice: "", hidden: true, area: "the task JSON",
    parts: { makeApp: app({ view: (t) => ({ id: String(t.id), title: t.title, done: t.done }) }) },
  },
];
