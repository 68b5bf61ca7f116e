import { expect } from "vitest";
import { AccountError, type AccountEvent, type EventStore, type StoredEvent } from "../types";

export async function expectCode(run: () => unknown, code: string) {
  let caught: unknown;
  try {
    await run();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(AccountError);
  expect(caught).toMatchObject({ code });
}

/** Wraps a store so that every read waits a turn of the event loop: concurrent handlers all read before any appends. */
export function slowReads(store: EventStore): EventStore {
  return {
    read: async (id) => {
      const events = await store.read(id);
      await new Promise((resolve) => setTimeout(resolve, 5));
      return events;
    },
    append: (id, v, events) => store.append(id, v, events),
    readAll: (after) => store.readAll(after),
  };
}

/** A store of the test's own: someone else always appends first. */
export function alwaysConflicting(history: AccountEvent[]) {
  const appends: number[] = [];
  const store: EventStore = {
    read: async (streamId) => history.map((event, i): StoredEvent => ({ streamId, version: i + 1, position: i + 1, event })),
    append: async (_id, expectedVersion) => {
      appends.push(expectedVersion);
      throw new AccountError("CONCURRENCY_CONFLICT", "someone else wrote first");
    },
    readAll: async () => [],
  };
  return { store, appends };
}

export const opened = (accountId = "acc-1"): AccountEvent => ({ type: "AccountOpened", accountId, owner: "Ada", currency: "EUR" });
