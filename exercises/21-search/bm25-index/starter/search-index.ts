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
  // TODO: lowercase, match /[\p{L}\p{N}]+/gu, filter out STOP_WORDS.
  void STOP_WORDS;
  throw new Error("not implemented: analyze");
}

export class SearchIndex {
  /** Adds a document. An id that is already in the index is an IndexError "DUPLICATE_ID". */
  add(id: string, text: string): void {
    // TODO: analyze, count term frequencies, update the postings, the document length and the totals.
    void id;
    void text;
    throw new Error("not implemented: add");
  }

  /** Removes a document; true if it was there. Its terms stop counting at once. */
  remove(id: string): boolean {
    void id;
    throw new Error("not implemented: remove");
  }

  /** Number of documents in the index (N). */
  get size(): number {
    throw new Error("not implemented: size");
  }

  /** Postings of one (already analysed) term, ordered by id; [] for an unknown term. */
  postings(term: string): Posting[] {
    void term;
    throw new Error("not implemented: postings");
  }

  /**
   * BM25 search: documents containing at least one query term, best first, ties by id.
   * `limit` must be an integer from 1 to 100 (default 10), else IndexError "BAD_LIMIT".
   */
  search(query: string, options: { limit?: number } = {}): Hit[] {
    // TODO: analyze the query, sum idf × tf-part over its distinct terms for each matching document.
    void query;
    void options;
    void IndexError;
    void K1;
    void B;
    throw new Error("not implemented: search");
  }
}
