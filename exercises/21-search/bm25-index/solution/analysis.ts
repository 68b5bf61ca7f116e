/**
 * The house stop-word list: Lucene's classic English set (EnglishAnalyzer.ENGLISH_STOP_WORDS_SET).
 * Read-only: the tests hold you to these 33 words.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is", "it",
  "no", "not", "of", "on", "or", "such", "that", "the", "their", "then", "there", "these", "they",
  "this", "to", "was", "will", "with",
]);

/** Lucene's defaults, also Elasticsearch's for a `text` field. */
export const K1 = 1.2;
export const B = 0.75;

export type IndexErrorCode = "DUPLICATE_ID" | "BAD_LIMIT";

export class IndexError extends Error {
  constructor(
    readonly code: IndexErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "IndexError";
  }
}
