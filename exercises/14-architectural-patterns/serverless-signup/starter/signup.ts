import type { Context, Deps, FunctionModule } from "./platform";

export interface State {
  // TODO: what one instance keeps between invocations
  deps: Deps;
}

export type Result =
  | { statusCode: 202; duplicate: false; total: number }
  | { statusCode: 200; duplicate: true }
  | { statusCode: 400; code: "BAD_EVENT" };

export class ConfigError extends Error {
  readonly code = "MISSING_CONFIG";
}

export const signupFunction: FunctionModule<State> = {
  async init(deps) {
    // TODO: read MAIL_FROM, load the templates once
    return { deps };
  },

  async handle(state, event, context: Context): Promise<Result> {
    // TODO: validate, claim the event id in Redis, send the welcome mail, count the signup
    void state, event, context;
    throw new Error("not implemented: handle");
  },
};
