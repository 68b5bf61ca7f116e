import { describe, expect, it } from "vitest";
import { analyze, SearchIndex } from "../search-index";

// Scores below are worked out by hand from the README's formula with k1 = 1.2, b = 0.75.
// The corpus, after analysis:
//   d1 "The quick brown fox"        → quick brown fox        (dl 3)
//   d2 "A lazy dog and a lazy fox"  → lazy dog lazy fox      (dl 4)
//   d3 "Dogs are not foxes"         → dogs foxes             (dl 2)
// N = 3, avgdl = 9 / 3 = 3.
function corpus(): SearchIndex {
  const index = new SearchIndex();
  index.add("d1", "The quick brown fox");
  index.add("d2", "A lazy dog and a lazy fox");
  index.add("d3", "Dogs are not foxes");
  return index;
}

function expectHits(actual: { id: string; score: number }[], expected: [string, number][]): void {
  expect(actual.map((h) => h.id), "ids in rank order").toEqual(expected.map(([id]) => id));
  expected.forEach(([id, score], i) => expect(actual[i]!.score, `score of ${id}`).toBeCloseTo(score, 5));
}

function codeOf(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    return (err as { code?: unknown }).code;
  }
  return "no error thrown";
}

describe("analyze", () => {
  it("lowercases, splits on anything that is not a letter or digit, and drops stop words", () => {
    expect(analyze("The Quick-Brown fox!")).toEqual(["quick", "brown", "fox"]);
    expect(analyze("it is what it is")).toEqual(["what"]);
  });

  it("keeps non-ASCII letters and splits numbers at the dot", () => {
    expect(analyze("Café au lait, 2 × 3.5 ÉCOLE")).toEqual(["café", "au", "lait", "2", "3", "5", "école"]);
  });
});

describe("indexing", () => {
  it("records term frequencies per document, postings ordered by id", () => {
    const index = new SearchIndex();
    index.add("b", "fox, fox and more fox");
    index.add("a", "A fox");
    index.add("c", "no match here");
    expect(index.postings("fox")).toEqual([
      { id: "a", tf: 1 },
      { id: "b", tf: 3 },
    ]);
    expect(index.postings("and"), "stop words are never indexed").toEqual([]);
    expect(index.postings("wolf")).toEqual([]);
    expect(index.size).toBe(3);
  });

  it("rejects a second document with the same id and keeps the first", () => {
    const index = corpus();
    expect(codeOf(() => index.add("d1", "wolf wolf"))).toBe("DUPLICATE_ID");
    expect(index.size).toBe(3);
    expect(index.postings("wolf")).toEqual([]);
    expect(index.search("quick").map((h) => h.id)).toEqual(["d1"]);
  });
});

describe("BM25 scores", () => {
  it("scores a term in two documents, the shorter one higher", () => {
    // idf(fox) = ln(1 + (3 - 2 + 0.5) / (2 + 0.5)) = ln 1.6
    // d1: tf 1, dl 3 → 2.2 / (1 + 1.2 × (0.25 + 0.75 × 3/3)) = 1
    // d2: tf 1, dl 4 → 2.2 / (1 + 1.2 × (0.25 + 0.75 × 4/3)) = 0.88
    expectHits(corpus().search("fox"), [
      ["d1", Math.log(1.6)],
      ["d2", Math.log(1.6) * 0.88],
    ]);
  });

  it("rewards a repeated term, with saturation, and a rare term more", () => {
    // idf(lazy) = ln(1 + 2.5 / 1.5); d2: tf 2 → 4.4 / (2 + 1.5) = 1.2571…
    expectHits(corpus().search("lazy"), [["d2", Math.log(1 + 2.5 / 1.5) * (4.4 / 3.5)]]);
  });

  it("sums the parts of every query term a document contains", () => {
    expectHits(corpus().search("Lazy FOX"), [
      ["d2", Math.log(1 + 2.5 / 1.5) * (4.4 / 3.5) + Math.log(1.6) * 0.88],
      ["d1", Math.log(1.6)],
    ]);
  });

  it("counts a term repeated in the query once", () => {
    expectHits(corpus().search("fox fox FOX"), [
      ["d1", Math.log(1.6)],
      ["d2", Math.log(1.6) * 0.88],
    ]);
  });

  it("matches exact terms only: no stemming, and a stop-word query finds nothing", () => {
    expect(corpus().search("dog").map((h) => h.id)).toEqual(["d2"]);
    expect(corpus().search("the and of")).toEqual([]);
    expect(corpus().search("wolf")).toEqual([]);
    expect(new SearchIndex().search("fox")).toEqual([]);
  });

  it("breaks ties by id, not by the order documents were added", () => {
    const index = new SearchIndex();
    index.add("doc-b", "red apple");
    index.add("doc-c", "green pear");
    index.add("doc-a", "red apple");
    const hits = index.search("apple");
    expect(hits.map((h) => h.id)).toEqual(["doc-a", "doc-b"]);
    expect(hits[0]!.score).toBe(hits[1]!.score);
  });
});

describe("removal", () => {
  it("takes a removed document out of N, document frequency and the average length at once", () => {
    const index = corpus();
    expect(index.remove("d2")).toBe(true);
    expect(index.remove("d2"), "second removal").toBe(false);
    expect(index.size).toBe(2);
    expect(index.postings("lazy")).toEqual([]);
    // N = 2, avgdl = (3 + 2) / 2 = 2.5, df(fox) = 1 → idf = ln 2
    // d1: 2.2 / (1 + 1.2 × (0.25 + 0.75 × 3/2.5)) = 2.2 / 2.38
    expectHits(index.search("fox"), [["d1", Math.log(2) * (2.2 / 2.38)]]);
  });

  it("lets a removed id be added again with new text", () => {
    const index = corpus();
    index.remove("d1");
    index.add("d1", "quick quick wolf");
    expect(index.postings("quick")).toEqual([{ id: "d1", tf: 2 }]);
    expect(index.search("brown")).toEqual([]);
  });
});

describe("limit", () => {
  function many(): SearchIndex {
    const index = new SearchIndex();
    // Longer documents score lower, so the rank order is s00, s01, … s11.
    for (let i = 0; i < 12; i++) index.add(`s${String(i).padStart(2, "0")}`, "term " + "pad ".repeat(i));
    return index;
  }

  it("returns the best 10 by default and the best `limit` when given", () => {
    const index = many();
    expect(index.search("term").map((h) => h.id)).toEqual(
      Array.from({ length: 10 }, (_, i) => `s${String(i).padStart(2, "0")}`),
    );
    expect(index.search("term", { limit: 3 }).map((h) => h.id)).toEqual(["s00", "s01", "s02"]);
    expect(index.search("term", { limit: 100 })).toHaveLength(12);
  });

  it("rejects a limit that is not an integer from 1 to 100", () => {
    const index = many();
    for (const limit of [0, -1, 101, 2.5, Number.NaN]) {
      expect(codeOf(() => index.search("term", { limit })), `limit ${limit}`).toBe("BAD_LIMIT");
    }
  });
});
