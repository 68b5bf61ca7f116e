export type KafkaErrorCode =
  | "INVALID_PARTITION" // a partition number the topic does not have
  | "UNKNOWN_MEMBER" // poll or commit by a consumer that is not in the group
  | "DUPLICATE_MEMBER"; // join with an id already in the group

export class KafkaError extends Error {
  constructor(readonly code: KafkaErrorCode, detail: string) {
    super(`${code}: ${detail}`);
    this.name = "KafkaError";
  }
}

export interface LogRecord {
  partition: number;
  offset: number;
  key: string;
  value: string;
}
