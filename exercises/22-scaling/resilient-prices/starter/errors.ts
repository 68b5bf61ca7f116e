/** The failures the policies raise, each with a code the service and the tests tell apart. Read-only. */
export class TimeoutError extends Error {
  readonly code = "TIMEOUT";
  constructor(ms: number) { super(`no answer within ${ms} ms`); this.name = "TimeoutError"; }
}

export class CircuitOpenError extends Error {
  readonly code = "CIRCUIT_OPEN";
  constructor() { super("circuit open: not calling the downstream"); this.name = "CircuitOpenError"; }
}

export class BulkheadFullError extends Error {
  readonly code = "BULKHEAD_FULL";
  constructor() { super("bulkhead full: every slot and queue place is taken"); this.name = "BulkheadFullError"; }
}
