import { describe, expect, it } from "vitest";
import { DataLoader } from "../loader";

function counting<V>(answer: (keys: readonly number[]) => ReadonlyArray<V | Error>) {
  const calls: number[][] = [];
  const loader = new DataLoader<number, V>(async (keys) => {
    calls.push([...keys]);
    return answer(keys);
  });
  return { loader, calls };
}

describe("DataLoader", () => {
  it("collects the keys of one tick, including those asked for a promise step later, into one batch", async () => {
    const { loader, calls } = counting((keys) => keys.map((k) => k * 10));
    const later = Promise.resolve().then(() => loader.load(3));
    const values = await Promise.all([loader.load(1), loader.load(2), later, loader.load(1)]);
    expect(values).toEqual([10, 20, 30, 10]);
    expect(calls).toEqual([[1, 2, 3]]);
  });

  it("fails only the key whose entry is an Error, and every key when the batch throws or miscounts", async () => {
    const { loader } = counting((keys) => keys.map((k) => (k === 2 ? new Error("no 2") : k)));
    const results = await Promise.allSettled([loader.load(1), loader.load(2)]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected"]);

    const broken = new DataLoader<number, number>(async () => { throw new Error("down"); });
    expect((await Promise.allSettled([broken.load(1), broken.load(2)])).map((r) => r.status)).toEqual(["rejected", "rejected"]);

    const short = new DataLoader<number, number>(async () => [1]);
    expect((await Promise.allSettled([short.load(1), short.load(2)])).map((r) => r.status)).toEqual(["rejected", "rejected"]);
  });
});
