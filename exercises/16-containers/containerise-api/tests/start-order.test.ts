import { describe, expect, it } from "vitest";
import { compose } from "../compose";
import { ComposeError } from "../errors";
import { startOrder } from "../start-order";
import { loadCompose } from "./load";

const healthy = { condition: "service_healthy" };
const errorOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error("expected startOrder to throw");
};

describe("startOrder", () => {
  it("starts your compose file's db and redis before api", () => {
    expect(startOrder(loadCompose(compose).services ?? {})).toEqual(["db", "redis", "api"]);
  });

  it("reads the short and the long form of depends_on, starts a shared dependency once, breaks ties by name", () => {
    const services = {
      web: { depends_on: ["api"] },
      api: { depends_on: { queue: healthy, cache: { condition: "service_started" } } },
      queue: {},
      cache: {},
      worker: { depends_on: ["queue"] },
    };
    expect(startOrder(services)).toEqual(["cache", "queue", "api", "web", "worker"]);
    const diamond = { d: { depends_on: ["b", "c"] }, c: { depends_on: ["a"] }, b: { depends_on: ["a"] }, a: {} };
    expect(startOrder(diamond)).toEqual(["a", "b", "c", "d"]);
  });

  it("rejects a dependency on a service that is not defined", () => {
    expect(errorOf(() => startOrder({ api: { depends_on: ["db", "cache"] }, db: {} }))).toMatchObject({ code: "UNKNOWN_SERVICE" });
  });

  it("rejects a cycle, including one that only part of the project is in", () => {
    const cycle = { a: { depends_on: ["b"] }, b: { depends_on: { c: healthy } }, c: { depends_on: ["a"] }, z: {} };
    const err = errorOf(() => startOrder(cycle));
    expect(err).toBeInstanceOf(ComposeError);
    expect(err).toMatchObject({ code: "DEPENDENCY_CYCLE" });
    expect(errorOf(() => startOrder({ self: { depends_on: ["self"] } }))).toMatchObject({ code: "DEPENDENCY_CYCLE" });
  });
});
