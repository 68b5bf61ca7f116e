import { AccountError, type AccountEvent, type AccountState, type Command } from "./types";

/** Folds one event into the state (version goes up by one per event). */
export function evolve(state: AccountState | null, event: AccountEvent): AccountState {
  // TODO
  throw new Error("not implemented");
}

/** The state after all of `events`, or null when there are none. */
export function rehydrate(events: AccountEvent[]): AccountState | null {
  // TODO
  throw new Error("not implemented");
}

/** Checks a command against the current state and returns the events it causes. Never mutates. */
export function decide(state: AccountState | null, command: Command): AccountEvent[] {
  // TODO: throw AccountError with the codes from the README.
  void AccountError;
  throw new Error("not implemented");
}
