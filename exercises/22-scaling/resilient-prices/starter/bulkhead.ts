import { BulkheadFullError } from "./errors";

export interface BulkheadOptions { maxConcurrent: number; maxQueue: number }

/** TODO: at most maxConcurrent calls at once, maxQueue more waiting in order, the rest refused. */
export class Bulkhead {
  constructor(private readonly options: BulkheadOptions) {}

  get active(): number { return 0; }
  get queued(): number { return 0; }

  async run<T>(fn: () => Promise<T>): Promise<T> {
    void BulkheadFullError;
    void this.options;
    return fn();
  }
}
