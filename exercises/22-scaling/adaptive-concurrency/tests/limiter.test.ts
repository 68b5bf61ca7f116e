import { describe, expect, it } from "vitest";
import { AimdLimiter, type Permit } from "../limiter";

const fast = { latencyMs: 20, ok: true };
const slow = { latencyMs: 500, ok: true };
const make = (initial = 4, min = 1, max = 100) => new AimdLimiter({ initial, min, max, targetLatencyMs: 100 });
const take = (limiter: AimdLimiter, n: number) => Array.from({ length: n }, () => limiter.tryAcquire());

describe("AIMD concurrency limiter", () => {
  it("admits limit calls at once and sheds the next with null, until one is released", () => {
    const limiter = make(3);
    const permits = take(limiter, 3);
    expect(permits.every((p) => p !== null)).toBe(true);
    expect(limiter.inflight).toBe(3);
    expect(limiter.tryAcquire()).toBeNull();
    permits[0]!.release(fast);
    expect(limiter.tryAcquire()).not.toBeNull();
  });

  it("after a decrease sheds while inflight is at or above the new limit", () => {
    const limiter = make(3);
    const permits = take(limiter, 3);
    permits[0]!.release(slow);
    // Halved to 1.5, so 1 slot, and 2 still in flight: still shed.
    expect(limiter.limit).toBe(1);
    expect(limiter.tryAcquire()).toBeNull();
    permits[1]!.release(fast);
    permits[2]!.release(fast);
    expect(limiter.inflight).toBe(0);
    expect(limiter.tryAcquire()).not.toBeNull();
  });

  it("grows by 1/limit per fast success: about one more slot per limit successes", () => {
    const limiter = make(4);
    const grow = (n: number) => { for (let i = 0; i < n; i++) limiter.tryAcquire()!.release(fast); };
    grow(4); // 4 → 4.25 → 4.49 → 4.71 → 4.92
    expect(limiter.limit).toBe(4);
    grow(1); // 5.12
    expect(limiter.limit).toBe(5);
    grow(5); // past 6
    expect(limiter.limit).toBe(6);
  });

  it("counts a call that took exactly targetLatencyMs as fast", () => {
    const limiter = make(1);
    limiter.tryAcquire()!.release({ latencyMs: 100, ok: true });
    expect(limiter.limit).toBe(2);
  });

  it("halves on a slow call and on a failed one, however fast it failed", () => {
    const limiter = make(16);
    limiter.tryAcquire()!.release({ latencyMs: 101, ok: true });
    expect(limiter.limit).toBe(8);
    limiter.tryAcquire()!.release({ latencyMs: 1, ok: false });
    expect(limiter.limit).toBe(4);
  });

  it("never goes below min nor above max", () => {
    const limiter = make(4, 2, 5);
    for (let i = 0; i < 5; i++) limiter.tryAcquire()!.release(slow);
    expect(limiter.limit).toBe(2);
    for (let i = 0; i < 100; i++) limiter.tryAcquire()!.release(fast);
    expect(limiter.limit).toBe(5);
    expect(take(limiter, 6).filter((p) => p !== null)).toHaveLength(5);
  });

  it("counts a permit released twice once", () => {
    const limiter = make(4);
    const permits = take(limiter, 2) as Permit[];
    permits[0].release(slow);
    permits[0].release(slow);
    expect(limiter.inflight).toBe(1);
    expect(limiter.limit).toBe(2);
  });

  it("does not count a shed call as in flight", () => {
    const limiter = make(2);
    take(limiter, 5);
    expect(limiter.inflight).toBe(2);
  });
});
