import { decide, rehydrate } from "./account";
import { AccountError, type Command, type EventStore, type StoredEvent } from "./types";

const ATTEMPTS = 3;

/**
 * Load, decide, append with the version we loaded. When another writer got there first, the
 * decision was made on stale state: load again and decide again, up to three attempts in all.
 */
export async function handle(store: EventStore, command: Command): Promise<StoredEvent[]> {
  for (let attempt = 1; ; attempt++) {
    const history = await store.read(command.accountId);
    const state = rehydrate(history.map((s) => s.event));
    const events = decide(state, command);
    try {
      return await store.append(command.accountId, history.length, events);
    } catch (error) {
      const conflict = error instanceof AccountError && error.code === "CONCURRENCY_CONFLICT";
      if (!conflict || attempt === ATTEMPTS) throw error;
    }
  }
}
