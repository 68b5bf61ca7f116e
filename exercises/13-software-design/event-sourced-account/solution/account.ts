import { AccountError, type AccountEvent, type AccountState, type Command } from "./types";

/** Folds one event into the state. Events are facts: no checks here, only bookkeeping. */
export function evolve(state: AccountState | null, event: AccountEvent): AccountState {
  const version = (state?.version ?? 0) + 1;
  switch (event.type) {
    case "AccountOpened":
      return { accountId: event.accountId, currency: event.currency, balance: 0, closed: false, version };
    case "MoneyDeposited":
      return { ...state!, balance: state!.balance + event.amount, version };
    case "MoneyWithdrawn":
      return { ...state!, balance: state!.balance - event.amount, version };
    case "AccountClosed":
      return { ...state!, closed: true, version };
  }
}

export function rehydrate(events: AccountEvent[]): AccountState | null {
  return events.reduce<AccountState | null>(evolve, null);
}

function checkAmount(amount: number) {
  if (!Number.isSafeInteger(amount) || amount <= 0) {
    throw new AccountError("INVALID_AMOUNT", `expected a positive whole number of cents, found ${amount}`);
  }
}

/** Checks a command against the current state and says what happened, as events. Never mutates. */
export function decide(state: AccountState | null, command: Command): AccountEvent[] {
  const { accountId } = command;
  if (command.type === "open") {
    if (state) throw new AccountError("ACCOUNT_EXISTS", `account ${accountId} already exists`);
    return [{ type: "AccountOpened", accountId, owner: command.owner, currency: command.currency }];
  }
  if (!state) throw new AccountError("ACCOUNT_NOT_FOUND", `no account ${accountId}`);
  if (state.closed) throw new AccountError("ACCOUNT_CLOSED", `account ${accountId} is closed`);
  switch (command.type) {
    case "deposit":
      checkAmount(command.amount);
      return [{ type: "MoneyDeposited", accountId, amount: command.amount }];
    case "withdraw":
      checkAmount(command.amount);
      if (command.amount > state.balance) {
        throw new AccountError("INSUFFICIENT_FUNDS", `balance ${state.balance} is less than ${command.amount}`);
      }
      return [{ type: "MoneyWithdrawn", accountId, amount: command.amount }];
    case "close":
      if (state.balance !== 0) throw new AccountError("BALANCE_NOT_ZERO", `balance is ${state.balance}`);
      return [{ type: "AccountClosed", accountId }];
  }
}
