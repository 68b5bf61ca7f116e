import { describe, expect, it } from "vitest";
import { parseConfig } from "../config";
import { applyOrder, dependencies } from "../graph";
import { TfError } from "../types";
import { backend } from "./fixtures";

const failure = (source: string): TfError => {
  try {
    parseConfig(source);
  } catch (err) {
    expect(err).toBeInstanceOf(TfError);
    return err as TfError;
  }
  throw new Error("parseConfig accepted an invalid config");
};

describe("parseConfig", () => {
  it("reads every resource with its type, name, raw arguments and lifecycle", () => {
    const { resources } = parseConfig(backend);
    expect(resources.map((r) => r.address)).toEqual([
      "aws_vpc.main", "aws_s3_bucket.assets", "aws_db.main", "aws_instance.web_1", "aws_instance.web_2", "aws_lb.web", "aws_alarm.lb_5xx",
    ]);
    const web1 = resources[3];
    expect(web1).toMatchObject({ type: "aws_instance", name: "web_1", createBeforeDestroy: true });
    expect(web1.attributes).toEqual({
      image: "ami-2024", size: "small", vpc_id: "${aws_vpc.main.id}",
      database_url: "postgres://app@${aws_db.main.endpoint}/app", assets_bucket: "${aws_s3_bucket.assets.arn}",
    });
    expect(resources[4].createBeforeDestroy).toBe(false);
    expect(resources[6].attributes.threshold).toBe(10);
  });

  it("rejects an unknown resource type, a bad address or a non-scalar argument, naming the resource", () => {
    const err = failure("resources:\n  aws_vpc.main:\n    cidr_block: 10.0.0.0/16\n  aws_dbb.main:\n    engine: postgres\n");
    expect(err).toMatchObject({ code: "UNKNOWN_TYPE", address: "aws_dbb.main" });
    expect(failure("servers: {}\n").code).toBe("INVALID_CONFIG");
    expect(failure("resources:\n  web:\n    image: ami-1\n")).toMatchObject({ code: "INVALID_CONFIG", address: "web" });
    expect(failure("resources:\n  aws_lb.web:\n    targets: [a, b]\n")).toMatchObject({ code: "INVALID_CONFIG", address: "aws_lb.web" });
  });

  it("rejects a missing required argument, naming the resource and the argument", () => {
    const err = failure("resources:\n  aws_db.main:\n    engine: postgres\n");
    expect(err).toMatchObject({ code: "MISSING_ATTRIBUTE", address: "aws_db.main", detail: { attribute: "instance_class" } });
  });

  it("rejects a reference to an undeclared resource, naming both", () => {
    const err = failure(backend.replace("${aws_lb.web.id}", "${aws_lb.api.id}"));
    expect(err).toMatchObject({ code: "UNDECLARED_REFERENCE", address: "aws_alarm.lb_5xx", detail: { reference: "aws_lb.api" } });
  });
});

describe("the dependency graph", () => {
  it("derives dependencies from references and orders every resource after what it refers to", () => {
    const deps = dependencies(parseConfig(backend));
    expect(deps["aws_instance.web_2"]).toEqual(["aws_db.main", "aws_s3_bucket.assets", "aws_vpc.main"]);
    expect(deps["aws_lb.web"]).toEqual(["aws_instance.web_1", "aws_instance.web_2"]);
    expect(deps["aws_vpc.main"]).toEqual([]);
    const order = applyOrder(deps);
    expect([...order].sort()).toEqual(Object.keys(deps).sort());
    for (const [address, parents] of Object.entries(deps)) {
      for (const parent of parents) expect(order.indexOf(parent), `${parent} before ${address}`).toBeLessThan(order.indexOf(address));
    }
  });

  it("rejects a cycle, listing exactly the resources on it", () => {
    // The bucket and web_2 refer to each other; web_1, the load balancer and the alarm only depend on the cycle.
    const cyclic = backend.replace("bucket: roadlab-assets", "bucket: roadlab-assets\n    writer: ${aws_instance.web_2.private_ip}");
    const deps = dependencies(parseConfig(cyclic));
    let caught: unknown;
    try {
      applyOrder(deps);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(TfError);
    const err = caught as TfError;
    expect(err.code).toBe("DEPENDENCY_CYCLE");
    expect([...(err.detail.cycle ?? [])].sort()).toEqual(["aws_instance.web_2", "aws_s3_bucket.assets"]);
  });
});
