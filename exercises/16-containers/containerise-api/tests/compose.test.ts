import { describe, expect, it } from "vitest";
import { compose } from "../compose";
import { conditions, envFiles, envOf, healthTest, loadCompose, looksSecret, mountsOf, portsOf, type Service } from "./load";

const doc = () => loadCompose(compose);
const service = (name: string): Service => {
  const services = doc().services ?? {};
  expect(services, `a service called "${name}"`).toHaveProperty(name);
  return services[name];
};
const imageParts = (image = "") => {
  const [name, tag = null] = image.split("@")[0].split(":");
  return { name, tag };
};

describe("services", () => {
  it("has exactly api (built from the context), db on postgres 17 and redis on a pinned tag", () => {
    expect(Object.keys(doc().services ?? {}).sort()).toEqual(["api", "db", "redis"]);
    const build = service("api").build;
    expect(typeof build === "string" ? build : build?.context).toMatch(/^\.\/?$/);
    const db = imageParts(service("db").image);
    expect(db.name).toBe("postgres");
    expect(db.tag ?? "").toMatch(/^17([.-]|$)/);
    const redis = imageParts(service("redis").image);
    expect(redis.name).toBe("redis");
    expect(redis.tag).not.toBeNull();
    expect(redis.tag).not.toBe("latest");
  });
});

describe("the network", () => {
  it("publishes only the API (host 3000 to container 3000), which reaches db and redis by service name", () => {
    expect(portsOf(service("api"))).toEqual([{ published: "3000", target: "3000" }]);
    expect(portsOf(service("db"))).toEqual([]);
    expect(portsOf(service("redis"))).toEqual([]);
    const env = envOf(service("api"));
    expect(env.PGHOST).toBe("db");
    expect(env.REDIS_URL).toBe("redis://redis:6379");
  });
});

describe("health and start order", () => {
  it("checks db with pg_isready and redis with redis-cli ping, and starts the API once both are healthy", () => {
    expect(healthTest(service("db"))).toMatch(/\bpg_isready\b/);
    expect(healthTest(service("redis"))).toMatch(/\bredis-cli\b.*\bping\b/);
    expect(conditions(service("api"))).toEqual({ db: "service_healthy", redis: "service_healthy" });
  });
});

describe("configuration and data", () => {
  it("reads secrets from .env: api and db use env_file, and no environment entry looks like a secret", () => {
    expect(envFiles(service("api"))).toContain(".env");
    expect(envFiles(service("db"))).toContain(".env");
    for (const [name, s] of Object.entries(doc().services ?? {})) {
      for (const key of Object.keys(envOf(s))) expect(looksSecret(key), `${name}: ${key}`).toBe(false);
    }
  });

  it("keeps Postgres data in a named volume declared at the top level", () => {
    const mount = mountsOf(service("db")).find((m) => m.target.replace(/\/$/, "") === "/var/lib/postgresql/data");
    expect(mount, "a mount at /var/lib/postgresql/data").toBeDefined();
    expect(mount!.source).toMatch(/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/);
    expect(Object.keys(doc().volumes ?? {})).toContain(mount!.source);
  });
});
