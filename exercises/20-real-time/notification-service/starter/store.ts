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

/**
 * Every user's notifications, in memory, and who is listening for new ones. A suggested shape:
 * service.ts may use it, change it or do without it — the tests only speak HTTP.
 */
export class NotificationStore {
  /** One notification per distinct user; returns how many were created. */
  notify(_users: readonly string[], _title: string): number {
    throw new Error("not implemented");
  }

  /** The user's notifications with an id above `cursor`, oldest first, at most `limit`. */
  after(_user: string, _cursor: number, _limit = Infinity): Notification[] {
    throw new Error("not implemented");
  }

  unread(_user: string): number {
    throw new Error("not implemented");
  }

  /** Marks the user's own notifications read; returns the ids that were unread until now. */
  markRead(_user: string, _ids: readonly number[]): number[] {
    throw new Error("not implemented");
  }

  /** Adds a listener; call the returned function to remove it. */
  subscribe(_listener: Listener): () => void {
    throw new Error("not implemented");
  }

  get listeners(): number {
    return 0;
  }
}
