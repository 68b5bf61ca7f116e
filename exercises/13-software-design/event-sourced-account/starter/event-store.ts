import { AccountError, type AccountEvent, type EventStore, type StoredEvent } from "./types";

export class InMemoryEventStore implements EventStore {
  async read(streamId: string): Promise<StoredEvent[]> {
    throw new Error("not implemented");
  }

  async append(streamId: string, expectedVersion: number, events: AccountEvent[]): Promise<StoredEvent[]> {
    // TODO: CONCURRENCY_CONFLICT unless the stream is at expectedVersion.
    void AccountError;
    throw new Error("not implemented");
  }

  async readAll(afterPosition = 0): Promise<StoredEvent[]> {
    throw new Error("not implemented");
  }
}
