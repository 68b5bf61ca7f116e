import { B, IndexError, K1, STOP_WORDS } from "./analysis";

export interface Hit {
  id: string;
  score: number;
}

export interface Posting {
  id: string;
  /** How many times the term occurs in that document. */
  tf: number;
}

/**
 * The analyzer: lowercase, split into runs of letters and digits, drop stop words.
 * "The Quick-Brown fox!" → ["quick", "brown", "fox"].
 */
export function analyze(text: string): string[] {
  const tokens = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return tokens.filter((t) => !STOP_WORDS.has(t));
}

export class SearchIndex {
  /** term → (document id → term frequency) */
  readonly #postings = new Map<string, Map<string, number>>();
  /** document id → its length in tokens, after stop words are dropped */
  readonly #lengths = new Map<string, number>();
  /** document id → its distinct terms, so a removal knows which postings to touch */
  readonly #terms = new Map<string, string[]>();
  #totalLength = 0;

  /** Adds a document. An id that is already in the index is an IndexError "DUPLICATE_ID". */
  add(id: string, text: string): void {
    if (this.#lengths.has(id) && !this.#deleted.has(id)) throw new IndexError("DUPLICATE_ID", `document ${id} is already indexed`);
    const tokens = analyze(text);
    const counts = new Map<string, number>();
    for (const t of tokens) counts.set(t, (counts.get(t) ?? 0) + 1);
    for (const [term, tf] of counts) {
      let docs = this.#postings.get(term);
      if (!docs) this.#postings.set(term, (docs = new Map()));
      docs.set(id, tf);
    }
    this.#lengths.set(id, tokens.length);
    this.#terms.set(id, [...counts.keys()]);
    this.#totalLength += tokens.length;
  }

  /** Removes a document; true if it was there. Its terms stop counting at once. */
  remove(id: string): boolean {
    if (!this.#lengths.has(id) || this.#deleted.has(id)) return false;
    this.#deleted.add(id);
    return true;
  }

  readonly #deleted = new Set<string>();

  /** Number of documents in the index (N). */
  get size(): number {
    return this.#lengths.size - this.#deleted.size;
  }

  /** Postings of one (already analysed) term, ordered by id; [] for an unknown term. */
  postings(term: string): Posting[] {
    const docs = this.#postings.get(term);
    if (!docs) return [];
    return [...docs].filter(([id]) => !this.#deleted.has(id)).map(([id, tf]) => ({ id, tf })).sort((a, b) => compareIds(a.id, b.id));
  }

  /**
   * BM25 search: documents containing at least one query term, best first, ties by id.
   * `limit` must be an integer from 1 to 100 (default 10), else IndexError "BAD_LIMIT".
   */
  search(query: string, options: { limit?: number } = {}): Hit[] {
    const limit = options.limit ?? 10;
    if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
      throw new IndexError("BAD_LIMIT", `limit must be an integer from 1 to 100, got ${limit}`);
    }
    const n = this.#lengths.size;
    if (n === 0) return [];
    const avgdl = this.#totalLength / n;
    const scores = new Map<string, number>();
    for (const term of new Set(analyze(query))) {
      const docs = this.#postings.get(term);
      if (!docs) continue;
      const idf = Math.log(1 + (n - docs.size + 0.5) / (docs.size + 0.5));
      for (const [id, tf] of docs) {
        if (this.#deleted.has(id)) continue;
        const dl = this.#lengths.get(id)!;
        const part = (tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * dl) / avgdl));
        scores.set(id, (scores.get(id) ?? 0) + idf * part);
      }
    }
    return [...scores]
      .map(([id, score]) => ({ id, score }))
      .sort((a, b) => b.score - a.score || compareIds(a.id, b.id))
      .slice(0, limit);
  }
}

/** Code-unit order, the same in every runtime (localeCompare is not). */
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
