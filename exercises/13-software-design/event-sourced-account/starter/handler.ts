import { decide, rehydrate } from "./account";
import { AccountError, type Command, type EventStore, type StoredEvent } from "./types";

/** Load the stream, decide, append with the loaded version; retry on a conflict (3 attempts in all). */
export async function handle(store: EventStore, command: Command): Promise<StoredEvent[]> {
  // TODO
  void decide, rehydrate, AccountError;
  throw new Error("not implemented");
}
