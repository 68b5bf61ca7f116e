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

/** The read side: a denormalised view built from the event log, queried without touching the aggregate. */
export class AccountsProjection {
  readonly #accounts = new Map<string, AccountSummary>();
  #position = 0;

  /** The position of the last event applied. */
  get position(): number {
    return this.#position;
  }

  apply(stored: StoredEvent): void {
    if (stored.position > this.#position + 1) {
      throw new AccountError("PROJECTION_GAP", `expected position ${this.#position + 1}, got ${stored.position}`);
    }
    const { event } = stored;
    const account = this.#accounts.get(event.accountId);
    switch (event.type) {
      case "AccountOpened":
        this.#accounts.set(event.accountId, {
          accountId: event.accountId, owner: event.owner, currency: event.currency, balance: 0, status: "open", transactions: 0,
        });
        break;
      case "MoneyDeposited":
        if (account) Object.assign(account, { balance: account.balance + event.amount, transactions: account.transactions + 1 });
        break;
      case "MoneyWithdrawn":
        if (account) Object.assign(account, { balance: account.balance - event.amount, transactions: account.transactions + 1 });
        break;
      case "AccountClosed":
        if (account) account.status = "closed";
        break;
    }
    this.#position = stored.position;
  }

  async catchUp(store: EventStore): Promise<void> {
    for (const stored of await store.readAll(this.#position)) this.apply(stored);
  }

  get(accountId: string): AccountSummary | undefined {
    const account = this.#accounts.get(accountId);
    return account && { ...account };
  }

  /** The sum of the open accounts' balances in one currency. */
  totalBalance(currency: string): number {
    let total = 0;
    for (const a of this.#accounts.values()) if (a.status === "open" && a.currency === currency) total += a.balance;
    return total;
  }
}
