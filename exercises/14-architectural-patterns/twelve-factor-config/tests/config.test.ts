import { describe, expect, it } from "vitest";
import { loadConfig, printable, type Env } from "../config";
import { ConfigError } from "../errors";

const SECRET = "s3cr3t-0123456789-abcdefghijklmnop";
const base: Env = {
  DATABASE_URL: "postgres://app:hunter2@db.internal:5432/shop",
  SESSION_SECRET: SECRET,
};

function issuesOf(env: Env): unknown {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).issues;
  }
  throw new Error("expected loadConfig to throw a ConfigError");
}

describe("loadConfig", () => {
  it("applies the defaults when only the required variables are set", () => {
    expect(loadConfig({ ...base, PATH: "/usr/bin", HOME: "/root" })).toEqual({
      nodeEnv: "development",
      port: 3000,
      databaseUrl: "postgres://app:hunter2@db.internal:5432/shop",
      logLevel: "info",
      signupEnabled: false,
      sessionSecret: SECRET,
      allowedOrigins: [],
    });
  });

  it("reads and types every variable that is set", () => {
    expect(loadConfig({
      ...base,
      NODE_ENV: "production",
      PORT: "8080",
      LOG_LEVEL: "warn",
      FEATURE_SIGNUP: "true",
      ALLOWED_ORIGINS: "https://shop.example, https://admin.example:8443",
      DATABASE_URL: "postgresql://db/shop",
    })).toEqual({
      nodeEnv: "production",
      port: 8080,
      databaseUrl: "postgresql://db/shop",
      logLevel: "warn",
      signupEnabled: true,
      sessionSecret: SECRET,
      allowedOrigins: ["https://shop.example", "https://admin.example:8443"],
    });
  });

  it("reads booleans as written: true/1 are on, false/0 are off", () => {
    expect(loadConfig({ ...base, FEATURE_SIGNUP: "false" }).signupEnabled).toBe(false);
    expect(loadConfig({ ...base, FEATURE_SIGNUP: "0" }).signupEnabled).toBe(false);
    expect(loadConfig({ ...base, FEATURE_SIGNUP: "1" }).signupEnabled).toBe(true);
    expect(issuesOf({ ...base, FEATURE_SIGNUP: "yes" })).toEqual([{ variable: "FEATURE_SIGNUP", code: "INVALID_BOOLEAN" }]);
  });

  it("accepts ports 1 and 65535 and refuses 0, 65536, 3000abc, 80.5 and -1", () => {
    expect(loadConfig({ ...base, PORT: "1" }).port).toBe(1);
    expect(loadConfig({ ...base, PORT: "65535" }).port).toBe(65535);
    for (const PORT of ["0", "65536", "3000abc", "80.5", "-1", "0x50"]) {
      expect(issuesOf({ ...base, PORT })).toEqual([{ variable: "PORT", code: "INVALID_PORT" }]);
    }
  });

  it("treats an empty or blank value as unset", () => {
    const config = loadConfig({ ...base, PORT: "", LOG_LEVEL: "  ", FEATURE_SIGNUP: "", ALLOWED_ORIGINS: "" });
    expect(config).toMatchObject({ port: 3000, logLevel: "info", signupEnabled: false, allowedOrigins: [] });
    expect(issuesOf({ ...base, SESSION_SECRET: "" })).toEqual([{ variable: "SESSION_SECRET", code: "MISSING" }]);
  });

  it("requires DATABASE_URL and SESSION_SECRET", () => {
    expect(issuesOf({})).toEqual([
      { variable: "DATABASE_URL", code: "MISSING" },
      { variable: "SESSION_SECRET", code: "MISSING" },
    ]);
  });

  it("wants a Postgres URL and a secret of at least 32 characters", () => {
    expect(issuesOf({ ...base, DATABASE_URL: "mysql://db/shop" })).toEqual([{ variable: "DATABASE_URL", code: "INVALID_URL" }]);
    expect(issuesOf({ ...base, DATABASE_URL: "db.internal:5432" })).toEqual([{ variable: "DATABASE_URL", code: "INVALID_URL" }]);
    expect(issuesOf({ ...base, SESSION_SECRET: "x".repeat(31) })).toEqual([{ variable: "SESSION_SECRET", code: "TOO_SHORT" }]);
    expect(loadConfig({ ...base, SESSION_SECRET: "x".repeat(32) }).sessionSecret).toHaveLength(32);
  });

  it("allows only the listed words for NODE_ENV and LOG_LEVEL", () => {
    expect(issuesOf({ ...base, NODE_ENV: "prod", LOG_LEVEL: "INFO" })).toEqual([
      { variable: "LOG_LEVEL", code: "INVALID_CHOICE" },
      { variable: "NODE_ENV", code: "INVALID_CHOICE" },
    ]);
  });

  it("wants bare origins in ALLOWED_ORIGINS, without a path or a trailing slash", () => {
    expect(loadConfig({ ...base, ALLOWED_ORIGINS: "http://localhost:5173,," }).allowedOrigins).toEqual(["http://localhost:5173"]);
    for (const ALLOWED_ORIGINS of ["https://shop.example/", "https://shop.example/app", "shop.example"]) {
      expect(issuesOf({ ...base, ALLOWED_ORIGINS })).toEqual([{ variable: "ALLOWED_ORIGINS", code: "INVALID_URL" }]);
    }
  });

  it("lists every bad variable in one error, sorted by name, one issue each", () => {
    expect(issuesOf({ PORT: "http", FEATURE_SIGNUP: "maybe", SESSION_SECRET: "short", LOG_LEVEL: "loud" })).toEqual([
      { variable: "DATABASE_URL", code: "MISSING" },
      { variable: "FEATURE_SIGNUP", code: "INVALID_BOOLEAN" },
      { variable: "LOG_LEVEL", code: "INVALID_CHOICE" },
      { variable: "PORT", code: "INVALID_PORT" },
      { variable: "SESSION_SECRET", code: "TOO_SHORT" },
    ]);
  });

  it("never puts a value in the error: values may be secrets", () => {
    const secret = "pa55word-too-short";
    const url = "mysql://root:topsecretpw@db/shop";
    let caught: unknown;
    try {
      loadConfig({ SESSION_SECRET: secret, DATABASE_URL: url });
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({ code: "BAD_CONFIG" });
    const seen = `${String(caught)} ${JSON.stringify(caught)}`;
    expect(seen).not.toContain(secret);
    expect(seen).not.toContain("topsecretpw");
  });
});

describe("printable", () => {
  it("masks the session secret and the database password, and keeps the rest", () => {
    const shown = printable(loadConfig({ ...base, PORT: "8080" }));
    expect(shown).toEqual({
      nodeEnv: "development",
      port: 8080,
      databaseUrl: "postgres://app:***@db.internal:5432/shop",
      logLevel: "info",
      signupEnabled: false,
      sessionSecret: "***",
      allowedOrigins: [],
    });
    expect(JSON.stringify(shown)).not.toContain("hunter2");
    expect(JSON.stringify(shown)).not.toContain(SECRET);
  });

  it("leaves a database URL without a password as it is, and the config itself unchanged", () => {
    const config = loadConfig({ ...base, DATABASE_URL: "postgres://db.internal/shop" });
    expect(printable(config).databaseUrl).toBe("postgres://db.internal/shop");
    expect(config.sessionSecret).toBe(SECRET);
  });
});
