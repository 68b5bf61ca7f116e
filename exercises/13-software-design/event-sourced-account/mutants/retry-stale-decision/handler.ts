import { decide, rehydrate } from "./account";
import { AccountError, type Command, type EventStore, type StoredEvent } from "./types";

const ATTEMPTS = 3;

/**
 * Load, decide, append with the version we loaded. When another writer got there first, the
 * decision was made on stale state: load again and decide again, up to three attempts in all.
 */
export async function handle(store: EventStore, command: Command): Promise<StoredEvent[]> {
  let first: ReturnType<typeof decide> | undefined;
  for (let attempt = 1; ; attempt++) {
    const history = await store.read(command.accountId);
    first ??= decide(rehydrate(history.map((s) => s.event)), command);
    const events = first;
    try {
      return await store.append(command.accountId, history.length, events);
    } catch (error) {
      const conflict = error instanceof AccountError && error.code === "CONCURRENCY_CONFLICT";
      if (!conflict || attempt === ATTEMPTS) throw error;
    }
  }
}
