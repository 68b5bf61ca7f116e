import { z } from "zod";
import { ConfigError, type ConfigIssue, type IssueCode } from "./errors";

export type Env = Record<string, string | undefined>;

export interface Config {
  nodeEnv: "development" | "test" | "production";
  port: number;
  databaseUrl: string;
  logLevel: "debug" | "info" | "warn" | "error";
  signupEnabled: boolean;
  sessionSecret: string;
  allowedOrigins: string[];
}

const code = (error: IssueCode) => ({ error });

const parsesAs = (value: string, test: (url: URL) => boolean) => {
  if (!URL.canParse(value)) return false;
  return test(new URL(value));
};

const port = z
  .string()
  .regex(/^\d+$/, code("INVALID_PORT"))
  .transform(Number)
  .pipe(z.number().int().min(1, code("INVALID_PORT")).max(65535, code("INVALID_PORT")));

// Exactly these four spellings: "yes", "on" or "TRUE" are more likely typos than intent.
const flag = z.enum(["true", "false", "1", "0"], code("INVALID_BOOLEAN")).transform((v) => v === "true" || v === "1");

const origins = z
  .string()
  .transform((list) => list.split(",").map((item) => item.trim()).filter((item) => item !== ""))
  .refine((list) => list.every((item) => parsesAs(item, (url) => url.origin === item)), code("INVALID_URL"));

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "test", "production"], code("INVALID_CHOICE")).default("development"),
    PORT: port.default(3000),
    DATABASE_URL: z
      .string(code("MISSING"))
      .refine((v) => parsesAs(v, (url) => url.protocol === "postgres:" || url.protocol === "postgresql:"), code("INVALID_URL")),
    LOG_LEVEL: z.enum(["debug", "info", "warn", "error"], code("INVALID_CHOICE")).default("info"),
    FEATURE_SIGNUP: flag.default(false),
    SESSION_SECRET: z.string(code("MISSING")).min(32, code("TOO_SHORT")),
    ALLOWED_ORIGINS: origins.default([]),
  })
  .transform((env) => ({
    nodeEnv: env.NODE_ENV,
    port: env.PORT,
    databaseUrl: env.DATABASE_URL,
    logLevel: env.LOG_LEVEL,
    signupEnabled: env.FEATURE_SIGNUP,
    sessionSecret: env.SESSION_SECRET,
    allowedOrigins: env.ALLOWED_ORIGINS,
  }));

export function loadConfig(env: Env): Config {
  // `FOO=` in a .env file or a compose file means "not set", so the default applies.
  const present: Env = {};
  for (const name of Object.keys(schema.in.shape)) {
    const value = env[name];
    if (value !== undefined && value.trim() !== "") present[name] = value;
  }
  const result = schema.safeParse(present);
  if (result.success) return result.data;

  const issues = new Map<string, ConfigIssue>();
  for (const issue of result.error.issues.slice(0, 1)) {
    const variable = String(issue.path[0]);
    if (!issues.has(variable)) issues.set(variable, { variable, code: issue.message as IssueCode });
  }
  throw new ConfigError([...issues.values()].sort((a, b) => a.variable.localeCompare(b.variable)));
}

export function printable(config: Config): Record<string, unknown> {
  const url = new URL(config.databaseUrl);
  if (url.password) url.password = "***";
  return { ...config, databaseUrl: url.href, sessionSecret: "***" };
}
