import { afterEach, describe, expect, it, vi } from "vitest";
import { createNetwork } from "./net";

describe("@roadlab/net", () => {
  afterEach(() => vi.useRealTimers());

  it("routes http://<name>/… to the service's handler with a real Request", async () => {
    const net = createNetwork();
    net.serve("users", async (req) => Response.json({ path: new URL(req.url).pathname, method: req.method, body: await req.text() }));
    const res = await net.fetch("http://users/v1/42", { method: "POST", body: "hi" });
    expect(await res.json()).toEqual({ path: "/v1/42", method: "POST", body: "hi" });
    expect(net.requests("users")).toEqual([{ method: "POST", url: "http://users/v1/42", status: 200 }]);
  });

  it("fails like a missing host for a name nobody serves", async () => {
    const net = createNetwork();
    net.serve("a", () => new Response("ok"));
    await expect(net.fetch("http://b/")).rejects.toThrow(TypeError);
    await expect(net.fetch("http://b/")).rejects.toThrow(/no service named "b" \(served: a\)/);
  });

  it("adds latency on the global timer, so fake timers drive it", async () => {
    vi.useFakeTimers();
    const net = createNetwork();
    net.serve("slow", () => new Response("late"));
    net.faults("slow", { latencyMs: 1000 });
    let done = false;
    const pending = net.fetch("http://slow/").then((r) => ((done = true), r.text()));
    await vi.advanceTimersByTimeAsync(999);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await pending).toBe("late");
  });

  it("lets an AbortSignal end a slow or hung request", async () => {
    vi.useFakeTimers();
    const net = createNetwork();
    net.serve("stuck", () => new Response("never"));
    net.faults("stuck", { hang: true });
    const controller = new AbortController();
    const pending = net.fetch("http://stuck/", { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: "AbortError" });
    expect(net.requests("stuck")[0].error).toBe("aborted");
  });

  it("lets an AbortSignal end a request whose handler is still working, as a real fetch does", async () => {
    vi.useFakeTimers();
    const net = createNetwork();
    let finished = false;
    net.serve("busy", async () => {
      await new Promise((resolve) => setTimeout(resolve, 5000));
      finished = true;
      return new Response("too late");
    });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const outcome = net.fetch("http://busy/", { signal: controller.signal }).then(() => "answered", (error: Error) => error.name);
    await vi.advanceTimersByTimeAsync(100);
    expect(await outcome).toBe("AbortError");
    expect(finished).toBe(false);
    expect(net.requests("busy")[0].error).toBe("aborted");
    // The handler runs on, as a server does after its client hung up.
    await vi.advanceTimersByTimeAsync(5000);
    expect(finished).toBe(true);
  });

  it("injects errors at the given rate, the same draws every run", async () => {
    const statuses = async () => {
      const net = createNetwork({ seed: 7 });
      net.serve("flaky", () => new Response("ok"));
      net.faults("flaky", { errorRate: 0.3 });
      const out: number[] = [];
      for (let i = 0; i < 200; i++) out.push((await net.fetch("http://flaky/")).status);
      return out;
    };
    const first = await statuses();
    const failures = first.filter((s) => s === 503).length;
    expect(failures).toBeGreaterThan(40);
    expect(failures).toBeLessThan(80);
    expect(await statuses()).toEqual(first);
  });

  it("refuses connections to a service that is down", async () => {
    const net = createNetwork();
    net.serve("db", () => new Response("ok"));
    net.faults("db", { down: true });
    await expect(net.fetch("http://db/")).rejects.toThrow(/connection refused/);
    net.faults("db", {});
    expect((await net.fetch("http://db/")).status).toBe(200);
  });

  it("says what was wrong with a bad fault or handler", () => {
    const net = createNetwork();
    expect(() => net.faults("x", { errorRate: 2 })).toThrow(/errorRate: expected a number from 0 to 1, got 2/);
    expect(() => net.serve("x", "nope" as never)).toThrow(/expected a function/);
  });
});
