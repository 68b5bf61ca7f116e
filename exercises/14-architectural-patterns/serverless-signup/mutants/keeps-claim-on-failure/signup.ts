import type { Context, Deps, FunctionModule } from "./platform";

export interface State {
  deps: Deps;
  from: string;
  subject: string;
}

export type Result =
  | { statusCode: 202; duplicate: false; total: number }
  | { statusCode: 200; duplicate: true }
  | { statusCode: 400; code: "BAD_EVENT" };

const DAY = 24 * 60 * 60;

export class ConfigError extends Error {
  readonly code = "MISSING_CONFIG";
}

export const signupFunction: FunctionModule<State> = {
  // Cold start: everything that does not depend on the event, done once per instance.
  async init(deps) {
    const from = deps.env.MAIL_FROM;
    if (!from) throw new ConfigError("MAIL_FROM is not set");
    const templates = await deps.loadTemplates();
    return { deps, from, subject: templates.welcomeSubject };
  },

  async handle(state, event, _context: Context): Promise<Result> {
    const { id, email } = (event ?? {}) as { id?: unknown; email?: unknown };
    if (typeof id !== "string" || id === "" || typeof email !== "string" || !email.includes("@")) {
      return { statusCode: 400, code: "BAD_EVENT" };
    }
    const { redis, mailer } = state.deps;
    const key = `signup:processed:${id}`;
    // Claim the event atomically: two instances handling the same retry cannot both win.
    const claimed = await redis.set(key, "1", "EX", DAY, "NX");
    if (claimed === null) return { statusCode: 200, duplicate: true };
    try {
      await mailer.send(email, state.subject);
    } catch (error) {
      // Give the claim back, or the platform's retry would be taken for a duplicate and the mail lost.
      throw error;
    }
    // Instance memory is not shared and not kept: the count lives in Redis.
    const total = await redis.incr("signup:total");
    return { statusCode: 202, duplicate: false, total };
  },
};
