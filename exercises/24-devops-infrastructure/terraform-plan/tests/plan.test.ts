import { describe, expect, it } from "vitest";
import { apply } from "../apply";
import { parseConfig } from "../config";
import { plan } from "../plan";
import { FakeCloud } from "../provider";
import { KNOWN_AFTER_APPLY, type Change, type Plan, type State } from "../types";
import { backend, empty, variant } from "./fixtures";

const find = (p: Plan, address: string): Change => {
  const c = p.changes.find((x) => x.address === address);
  expect(c, `a change for ${address}`).toBeDefined();
  return c!;
};
const actions = (p: Plan) => Object.fromEntries(p.changes.map((c) => [c.address, c.action]));

/** The backend as a real apply leaves it: state and cloud agree. */
async function deployed(): Promise<{ state: State; cloud: FakeCloud }> {
  const cloud = new FakeCloud();
  const config = parseConfig(backend);
  const result = await apply(config, plan(config, empty), empty, cloud);
  expect(result.error).toBeNull();
  cloud.log.length = 0;
  return { state: result.state, cloud };
}

describe("plan against empty state", () => {
  it("creates everything; values that come from resources not yet created are known after apply", () => {
    const p = plan(parseConfig(backend), empty);
    expect(p.changes).toHaveLength(7);
    expect(p.changes.every((c) => c.action === "create")).toBe(true);
    expect(find(p, "aws_vpc.main").after).toEqual({ cidr_block: "10.0.0.0/16" });
    expect(find(p, "aws_instance.web_1").after).toEqual({
      image: "ami-2024", size: "small", vpc_id: KNOWN_AFTER_APPLY, database_url: KNOWN_AFTER_APPLY, assets_bucket: KNOWN_AFTER_APPLY,
    });
    expect(find(p, "aws_alarm.lb_5xx").after).toEqual({ metric: "HTTPCode_ELB_5XX_Count", threshold: 10, load_balancer: KNOWN_AFTER_APPLY });
  });
});

describe("plan against a deployed backend", () => {
  it("is all no-op when nothing changed, and an in-place update with resolved values for a plain argument", async () => {
    const { state } = await deployed();
    expect(Object.values(actions(plan(parseConfig(backend), state))).every((a) => a === "no-op")).toBe(true);
    const p = plan(variant(["size: small\n    vpc_id", "size: large\n    vpc_id"]), state);
    expect(actions(p)["aws_instance.web_1"]).toBe("update");
    expect(Object.entries(actions(p)).filter(([, a]) => a !== "no-op")).toHaveLength(1);
    expect(actions(plan(variant(["    port: 443\n", ""]), state))["aws_lb.web"]).toBe("update");
    const endpoint = state.resources["aws_db.main"].attributes.endpoint;
    expect(find(p, "aws_instance.web_1").after).toMatchObject({
      size: "large", vpc_id: state.resources["aws_vpc.main"].id, database_url: `postgres://app@${endpoint}/app`,
    });
  });

  it("replaces on a ForceNew change, destroy first unless create_before_destroy; dependants of the new object see unknowns", async () => {
    const { state } = await deployed();
    const p = plan(variant(["engine: postgres", "engine: mysql"]), state);
    expect(find(p, "aws_db.main")).toMatchObject({ action: "replace", forcedBy: ["engine"], replaceOrder: "destroy-before-create" });
    for (const web of ["aws_instance.web_1", "aws_instance.web_2"]) {
      expect(find(p, web)).toMatchObject({ action: "update", after: { database_url: KNOWN_AFTER_APPLY } });
    }
    expect(actions(p)["aws_lb.web"]).toBe("no-op");
    const images = plan(variant(["image: ami-2024", "image: ami-2025"]), state);
    expect(find(images, "aws_instance.web_1")).toMatchObject({ action: "replace", forcedBy: ["image"], replaceOrder: "create-before-destroy" });
    expect(find(images, "aws_lb.web")).toMatchObject({ action: "update", after: { targets: KNOWN_AFTER_APPLY } });
  });

  it("replaces when a ForceNew argument becomes known only after apply", async () => {
    const { state } = await deployed();
    const p = plan(variant(["cidr_block: 10.0.0.0/16", "cidr_block: 10.1.0.0/16"]), state);
    expect(find(p, "aws_vpc.main")).toMatchObject({ action: "replace", forcedBy: ["cidr_block"] });
    expect(find(p, "aws_db.main")).toMatchObject({ action: "replace", forcedBy: ["vpc_id"], after: { vpc_id: KNOWN_AFTER_APPLY } });
    expect(find(p, "aws_instance.web_2")).toMatchObject({ action: "replace", forcedBy: ["vpc_id"] });
    expect(actions(p)["aws_s3_bucket.assets"]).toBe("no-op");
  });

  it("deletes what is in state but no longer in the config", async () => {
    const { state } = await deployed();
    const p = plan(parseConfig(backend.slice(0, backend.indexOf("  aws_alarm.lb_5xx:"))), state);
    expect(find(p, "aws_alarm.lb_5xx")).toMatchObject({ action: "delete", after: null });
    expect(Object.entries(actions(p)).filter(([, a]) => a !== "no-op")).toEqual([["aws_alarm.lb_5xx", "delete"]]);
  });
});
