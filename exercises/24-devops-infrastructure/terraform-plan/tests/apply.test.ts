import { describe, expect, it } from "vitest";
import { apply, refresh } from "../apply";
import { parseConfig } from "../config";
import { plan } from "../plan";
import { FakeCloud } from "../provider";
import type { Config, State } from "../types";
import { backend, empty, variant } from "./fixtures";

const before = (log: string[], a: string, b: string) => {
  expect(log, `${a} in the log`).toContain(a);
  expect(log, `${b} in the log`).toContain(b);
  expect(log.indexOf(a), `${a} before ${b}`).toBeLessThan(log.indexOf(b));
};
const nonNoOp = (config: Config, state: State) => plan(config, state).changes.filter((c) => c.action !== "no-op");
const stateIds = (s: State) => Object.values(s.resources).map((r) => r.id).sort();

async function deploy(cloud = new FakeCloud()) {
  const config = parseConfig(backend);
  const result = await apply(config, plan(config, empty), empty, cloud);
  return { cloud, config, ...result };
}

describe("apply", () => {
  it("creates parents first, sends resolved values, records state, and a second plan has nothing to do", async () => {
    const { cloud, config, state, error } = await deploy();
    expect(error).toBeNull();
    expect(cloud.log).toHaveLength(7);
    before(cloud.log, "create aws_vpc.main", "create aws_db.main");
    before(cloud.log, "create aws_db.main", "create aws_instance.web_2");
    before(cloud.log, "create aws_instance.web_1", "create aws_lb.web");
    before(cloud.log, "create aws_lb.web", "create aws_alarm.lb_5xx");
    const web2 = state.resources["aws_instance.web_2"];
    expect(web2.attributes.database_url).toBe(`postgres://app@${state.resources["aws_db.main"].attributes.endpoint}/app`);
    expect(await cloud.read(web2.id)).toEqual(web2.attributes);
    expect(state.resources["aws_lb.web"].attributes.targets).toBe(`${state.resources["aws_instance.web_1"].id},${web2.id}`);
    expect([...web2.dependencies].sort()).toEqual(["aws_db.main", "aws_s3_bucket.assets", "aws_vpc.main"]);
    expect(stateIds(state)).toEqual(cloud.ids());
    expect(nonNoOp(config, state)).toEqual([]);
  });

  it("deletes children before the resources they depend on", async () => {
    const { cloud, state } = await deploy();
    cloud.log.length = 0;
    const none = parseConfig("resources: {}\n");
    const result = await apply(none, plan(none, state), state, cloud);
    expect(result.error).toBeNull();
    expect(cloud.log).toHaveLength(7);
    before(cloud.log, "delete aws_alarm.lb_5xx", "delete aws_lb.web");
    before(cloud.log, "delete aws_lb.web", "delete aws_instance.web_1");
    before(cloud.log, "delete aws_instance.web_2", "delete aws_db.main");
    before(cloud.log, "delete aws_db.main", "delete aws_vpc.main");
    expect(result.state.resources).toEqual({});
    expect(cloud.ids()).toEqual([]);
  });

  it("replaces destroy-first by default and create-first for create_before_destroy", async () => {
    const { cloud, state } = await deploy();
    cloud.log.length = 0;
    const mysql = variant(["engine: postgres", "engine: mysql"]);
    const r1 = await apply(mysql, plan(mysql, state), state, cloud);
    expect(r1.error).toBeNull();
    expect(cloud.log.slice(0, 2)).toEqual(["delete aws_db.main", "create aws_db.main"]);
    before(cloud.log, "create aws_db.main", "update aws_instance.web_1");
    expect(r1.state.resources["aws_instance.web_1"].attributes.database_url).toContain(String(r1.state.resources["aws_db.main"].attributes.endpoint));
    cloud.log.length = 0;
    const image = variant(["engine: postgres", "engine: mysql"], ["image: ami-2024", "image: ami-2025"]);
    const r2 = await apply(image, plan(image, r1.state), r1.state, cloud);
    expect(r2.error).toBeNull();
    before(cloud.log, "create aws_instance.web_1", "update aws_lb.web");
    before(cloud.log, "update aws_lb.web", "delete aws_instance.web_1");
    expect(stateIds(r2.state)).toEqual(cloud.ids());
  });

  it("stops at the first provider error and keeps state true to what was done", async () => {
    const cloud = new FakeCloud();
    cloud.failOn("create", "aws_instance.web_2");
    const { config, state, error } = await deploy(cloud);
    expect(error).toMatchObject({ code: "PROVIDER_ERROR", address: "aws_instance.web_2" });
    expect(cloud.log.at(-1)).toBe("create aws_instance.web_2");
    expect(state.resources).not.toHaveProperty("aws_instance.web_2");
    expect(state.resources).toHaveProperty("aws_db.main");
    expect(stateIds(state)).toEqual(cloud.ids());
    const rest = nonNoOp(config, state);
    expect(rest.every((c) => c.action === "create")).toBe(true);
    expect(rest.map((c) => c.address)).toContain("aws_instance.web_2");
    expect(rest.map((c) => c.address)).not.toContain("aws_db.main");
    const retry = await apply(config, plan(config, state), state, cloud);
    expect(retry.error).toBeNull();
    expect(nonNoOp(config, retry.state)).toEqual([]);
  });
});

describe("refresh", () => {
  it("reports drift, takes the cloud's values into state, and the next plan puts the config back", async () => {
    const { cloud, config, state } = await deploy();
    cloud.tamper(state.resources["aws_instance.web_1"].id, { size: "xlarge" });
    cloud.tamper(state.resources["aws_alarm.lb_5xx"].id, null);
    const { state: fresh, drift } = await refresh(state, cloud);
    expect(drift).toEqual(expect.arrayContaining([
      { address: "aws_instance.web_1", kind: "changed", attributes: ["size"] },
      { address: "aws_alarm.lb_5xx", kind: "deleted", attributes: [] },
    ]));
    expect(drift).toHaveLength(2);
    expect(fresh.resources["aws_instance.web_1"].attributes.size).toBe("xlarge");
    expect(fresh.resources).not.toHaveProperty("aws_alarm.lb_5xx");
    expect(state.resources["aws_instance.web_1"].attributes.size).toBe("small");
    const p = nonNoOp(config, fresh);
    expect(p.map((c) => [c.address, c.action]).sort()).toEqual([["aws_alarm.lb_5xx", "create"], ["aws_instance.web_1", "update"]]);
  });
});
