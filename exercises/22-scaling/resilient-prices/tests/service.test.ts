import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createNetwork, type Network } from "@roadlab/net";
import { createPriceService, type ServiceOptions } from "../service";

let net: Network;
beforeEach(() => {
  vi.useFakeTimers();
  net = createNetwork();
  const prices: Record<string, number> = { p1: 1299, p2: 450 };
  net.serve("pricing", (req) => {
    const id = new URL(req.url).pathname.split("/").pop()!;
    return id in prices ? Response.json({ id, cents: prices[id] }) : new Response("no", { status: 404 });
  });
});
afterEach(() => vi.useRealTimers());

const options: ServiceOptions = {
  retry: { attempts: 3, baseMs: 100, capMs: 1_000, timeoutMs: 200, random: () => 1 },
  breaker: { failureThreshold: 2, openMs: 10_000 },
  bulkhead: { maxConcurrent: 1, maxQueue: 1 },
};
/**
 * Advances fake time in small steps until the answer settles: reading a body is real I/O in the
 * page, so a request that starts after one is read needs the clock moved again.
 */
async function settleWithin<T>(promise: Promise<T>, ms = 5_000): Promise<T> {
  let done = false;
  promise.then(() => (done = true), () => (done = true)); // a rejection fails the test at the return
  for (let waited = 0; !done && waited < ms; waited += 50) await vi.advanceTimersByTimeAsync(50);
  return promise;
}
const get = (service: ReturnType<typeof createPriceService>, id: string) => settleWithin(service.fetch(new Request(`http://prices/prices/${id}`)));
const sent = () => net.requests("pricing").length;

describe("price service", () => {
  it("answers the downstream's price flagged fresh, and passes a 404 on without tripping the breaker", async () => {
    const service = createPriceService(net.fetch, options);
    const res = await get(service, "p1");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ id: "p1", cents: 1299, stale: false });
    for (let i = 0; i < 3; i++) expect(await (await get(service, "nope")).json()).toEqual({ error: "NOT_FOUND" });
    expect(service.breaker.state).toBe("closed");
  });

  it("counts one request, however many tries it took, as one failure for the breaker", async () => {
    const service = createPriceService(net.fetch, options);
    net.faults("pricing", { errorRate: 1 });
    await get(service, "p1");
    expect(sent()).toBe(3);
    expect(service.breaker.state).toBe("closed");
    await get(service, "p1");
    expect(service.breaker.state).toBe("open");
  });

  it("serves the last good value flagged stale when the downstream fails or the circuit is open", async () => {
    const service = createPriceService(net.fetch, options);
    await get(service, "p2");
    net.faults("pricing", { hang: true });
    const res = await get(service, "p2");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ id: "p2", cents: 450, stale: true });
    await get(service, "p2"); // the circuit opens
    const before = sent();
    expect(await (await get(service, "p2")).json()).toEqual({ id: "p2", cents: 450, stale: true });
    expect(sent()).toBe(before);
  });

  it("answers 503 UPSTREAM_UNAVAILABLE when it has nothing cached to fall back on", async () => {
    const service = createPriceService(net.fetch, options);
    net.faults("pricing", { down: true });
    const res = await get(service, "p1");
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ error: "UPSTREAM_UNAVAILABLE" });
  });

  it("sheds what the bulkhead cannot hold with 503 OVERLOADED and Retry-After: 1, at once", async () => {
    const service = createPriceService(net.fetch, options);
    net.faults("pricing", { latencyMs: 100 });
    const answers = ["p1", "p2", "p1"].map((id) => service.fetch(new Request(`http://prices/prices/${id}`)));
    for (const answer of answers) answer.catch(() => {}); // handled; a rejection still fails at its await
    let shedEarly = false;
    answers[2].then(() => (shedEarly = true), () => {});
    await vi.advanceTimersByTimeAsync(50);
    expect(shedEarly).toBe(true);
    expect(sent()).toBe(1); // p2 waits in the queue
    const [first, second, third] = [await settleWithin(answers[0]), await settleWithin(answers[1]), await settleWithin(answers[2])];
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(third.status).toBe(503);
    expect(third.headers.get("retry-after")).toBe("1");
    expect(await third.json()).toEqual({ error: "OVERLOADED" });
  });
});
