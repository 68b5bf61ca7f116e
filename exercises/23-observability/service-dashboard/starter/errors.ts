/** What the registry refuses, each with a code the tests check. Read-only. */
export type MetricsErrorCode =
  | "BAD_METRIC_NAME"
  | "BAD_LABEL_NAME"
  | "DUPLICATE_METRIC"
  | "BAD_BUCKETS"
  | "LABELS_MISMATCH"
  | "NEGATIVE_INCREMENT";

export class MetricsError extends Error {
  constructor(readonly code: MetricsErrorCode, message: string) {
    super(message);
    this.name = "MetricsError";
  }
}
