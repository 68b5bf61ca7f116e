import { AccountError, type AccountEvent, type EventStore, type StoredEvent } from "./types";

const copy = (stored: StoredEvent): StoredEvent => ({ ...stored, event: { ...stored.event } });

export class InMemoryEventStore implements EventStore {
  readonly #log: StoredEvent[] = [];
  readonly #streams = new Map<string, StoredEvent[]>();

  async read(streamId: string): Promise<StoredEvent[]> {
    return (this.#streams.get(streamId) ?? []).map(copy);
  }

  async append(streamId: string, expectedVersion: number, events: AccountEvent[]): Promise<StoredEvent[]> {
    const stream = this.#streams.get(streamId) ?? [];
    // The check and the write happen with no await between them, so no other append can slip in.
    if (expectedVersion > stream.length) {
      throw new AccountError("CONCURRENCY_CONFLICT", `${streamId} is at version ${stream.length}, not ${expectedVersion}`);
    }
    const stored = events.map((event, i) => ({
      streamId,
      version: expectedVersion + i + 1,
      position: this.#log.length + i + 1,
      event: { ...event },
    }));
    this.#log.push(...stored);
    this.#streams.set(streamId, [...stream, ...stored]);
    return stored.map(copy);
  }

  async readAll(afterPosition = 0): Promise<StoredEvent[]> {
    return this.#log.slice(afterPosition).map(copy);
  }
}
