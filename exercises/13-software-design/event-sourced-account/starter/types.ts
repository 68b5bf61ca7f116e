/** Amounts are integer cents. */
export type AccountEvent =
  | { type: "AccountOpened"; accountId: string; owner: string; currency: string }
  | { type: "MoneyDeposited"; accountId: string; amount: number }
  | { type: "MoneyWithdrawn"; accountId: string; amount: number }
  | { type: "AccountClosed"; accountId: string };

export type Command =
  | { type: "open"; accountId: string; owner: string; currency: string }
  | { type: "deposit"; accountId: string; amount: number }
  | { type: "withdraw"; accountId: string; amount: number }
  | { type: "close"; accountId: string };

/** The write side's view of one account: only what decide() needs to check the rules. */
export interface AccountState {
  accountId: string;
  currency: string;
  balance: number;
  closed: boolean;
  /** How many events the stream holds: the expected version for the next append. */
  version: number;
}

export interface StoredEvent {
  streamId: string;
  /** 1, 2, 3, … within its stream. */
  version: number;
  /** 1, 2, 3, … across the whole store, in append order. */
  position: number;
  event: AccountEvent;
}

export interface EventStore {
  /** The stream's events in version order; [] for a stream that does not exist. */
  read(streamId: string): Promise<StoredEvent[]>;
  /**
   * Appends all of `events` or none: only when the stream's current version is `expectedVersion`
   * (0 for a new stream), else AccountError CONCURRENCY_CONFLICT.
   */
  append(streamId: string, expectedVersion: number, events: AccountEvent[]): Promise<StoredEvent[]>;
  /** Every event with a position greater than `afterPosition` (default 0), in position order. */
  readAll(afterPosition?: number): Promise<StoredEvent[]>;
}

export type AccountErrorCode =
  | "ACCOUNT_EXISTS"
  | "ACCOUNT_NOT_FOUND"
  | "ACCOUNT_CLOSED"
  | "INVALID_AMOUNT"
  | "INSUFFICIENT_FUNDS"
  | "BALANCE_NOT_ZERO"
  | "CONCURRENCY_CONFLICT"
  | "PROJECTION_GAP";

export class AccountError extends Error {
  constructor(readonly code: AccountErrorCode, message: string) {
    super(message);
    this.name = "AccountError";
  }
}
