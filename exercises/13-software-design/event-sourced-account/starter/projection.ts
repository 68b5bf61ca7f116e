import { AccountError, type EventStore, type StoredEvent } from "./types";

export interface AccountSummary {
  accountId: string;
  owner: string;
  currency: string;
  balance: number;
  status: "open" | "closed";
  /** Deposits and withdrawals so far. */
  transactions: number;
}

/** The read side: a view built from the event log. */
export class AccountsProjection {
  /** The position of the last event applied. */
  get position(): number {
    return 0; // TODO
  }

  apply(stored: StoredEvent): void {
    // TODO: skip redelivered events, PROJECTION_GAP on a gap.
    void AccountError;
    throw new Error("not implemented");
  }

  async catchUp(store: EventStore): Promise<void> {
    throw new Error("not implemented");
  }

  get(accountId: string): AccountSummary | undefined {
    throw new Error("not implemented");
  }

  /** The sum of the open accounts' balances in one currency. */
  totalBalance(currency: string): number {
    throw new Error("not implemented");
  }
}
