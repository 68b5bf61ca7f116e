import { afterEach, describe, expect, it } from "vitest";
import { guardObject, privilegedWrite } from "./guard";
import { setCodeOrigins, takeTampering } from "./tampering";

/** Objects of the test's own, never the real intrinsics: this process is Vitest's. */
function sample() {
  const proto = { greet: () => "hello", toString: () => "proto" };
  return { proto, instance: Object.create(proto) as typeof proto };
}

describe("guarded properties", () => {
  afterEach(() => {
    takeTampering();
    setCodeOrigins(undefined);
  });

  it("refuse a write to the object itself, record it with the writer's file:line, and keep the value", () => {
    const { proto } = sample();
    guardObject(proto, { label: "Sample" });
    setCodeOrigins({ exerciseFile: (url) => (url.endsWith("guard.test.ts") ? "main.ts" : undefined), isHiddenTest: () => false });
    expect(() => {
      proto.greet = () => "forged";
    }).toThrow(/Cannot assign to read only property 'greet' of Sample/);
    expect(proto.greet()).toBe("hello");
    expect(takeTampering()).toEqual([{ what: "wrote Sample.greet", where: expect.stringMatching(/^main\.ts:\d+:\d+$/) }]);
  });

  it("cannot be redefined either", () => {
    const { proto } = sample();
    guardObject(proto, { label: "Sample" });
    expect(() => Object.defineProperty(proto, "greet", { value: () => "forged" })).toThrow(TypeError);
    expect(proto.greet()).toBe("hello");
  });

  it("let an inheriting object override by assignment (no override mistake)", () => {
    const { proto, instance } = sample();
    guardObject(proto, { label: "Sample" });
    instance.toString = () => "mine";
    expect(String(instance)).toBe("mine");
    expect(String(Object.create(proto))).toBe("proto");
    expect(takeTampering()).toEqual([]);
  });

  it("let the runtime's own writes through, and a caller `allow` says may write", () => {
    const { proto } = sample();
    let allowed = false;
    guardObject(proto, { label: "Sample", allow: () => allowed });
    privilegedWrite(() => (proto.greet = () => "runtime"));
    expect(proto.greet()).toBe("runtime");
    allowed = true;
    proto.greet = () => "hidden test";
    expect(proto.greet()).toBe("hidden test");
    expect(takeTampering()).toEqual([]);
  });
});
