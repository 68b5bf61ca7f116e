export interface Notification {
  /** Per user: 1, 2, 3, … in the order they were created. */
  id: number;
  title: string;
  read: boolean;
}

export interface Listener {
  user: string;
  onNotification(notification: Notification): void;
  onRead(ids: number[]): void;
}

/** Every user's notifications, in memory, and who is listening for new ones. */
export class NotificationStore {
  readonly #logs = new Map<string, Notification[]>();
  readonly #listeners = new Set<Listener>();

  /** One notification per distinct user; returns how many were created. */
  notify(users: readonly string[], title: string): number {
    const distinct = [...new Set(users)];
    for (const user of distinct) {
      const log = this.#logs.get(user) ?? [];
      this.#logs.set(user, log);
      const notification = { id: log.length + 1, title, read: false };
      log.push(notification);
      for (const listener of this.#listeners) listener.onNotification({ ...notification });
    }
    return distinct.length;
  }

  /** The user's notifications with an id above `cursor`, oldest first, at most `limit`. */
  after(user: string, cursor: number, limit = Infinity): Notification[] {
    const log = this.#logs.get(user) ?? [];
    return log.slice(cursor, cursor + limit).map((n) => ({ ...n }));
  }

  unread(user: string): number {
    return (this.#logs.get(user) ?? []).filter((n) => !n.read).length;
  }

  /** Marks the user's own notifications read; returns the ids that were unread until now. */
  markRead(user: string, ids: readonly number[]): number[] {
    const log = this.#logs.get(user) ?? [];
    const newly: number[] = [];
    for (const id of [...new Set(ids)].sort((a, b) => a - b)) {
      const notification = log[id - 1];
      if (notification && !notification.read) {
        notification.read = true;
        newly.push(id);
      }
    }
    if (newly.length > 0) for (const listener of this.#listeners) if (listener.user === user) listener.onRead(newly);
    return newly;
  }

  /** Adds a listener; call the returned function to remove it. */
  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => void this.#listeners.delete(listener);
  }

  get listeners(): number {
    return this.#listeners.size;
  }
}
