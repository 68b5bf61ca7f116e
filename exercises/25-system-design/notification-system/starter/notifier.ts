import { addressFor, suppressReason } from "./preferences";
import { quietHoursEnd } from "./quiet-hours";
import { RateLimiter } from "./rate-limit";
import { send, type Fetch } from "./sender";
import { escapeHtml, render } from "./template";
import { CHANNELS, NotifyError, type Delivery, type NotificationEvent, type RetryOptions, type Template, type User } from "./types";

export interface NotifierOptions {
  fetch: Fetch;
  users: readonly User[];
  templates: Record<string, Template>;
  retry: RetryOptions;
  /** Marketing events a user may get in any rolling hour. */
  marketingPerHour: number;
}


export class Notifier {
  private readonly limiter: RateLimiter;
  // TODO: the delivery log, event key → delivery ids, a queue and a busy flag per channel, dead letters.

  constructor(private readonly options: NotifierOptions) {
    this.limiter = new RateLimiter(options.marketingPerHour);
  }

  /**
   * Ingests one event and returns copies of its deliveries, one per channel its template has.
   * TODO: dedupe by key → find user and template → render all → preferences → marketing budget
   * → quiet hours (defer) or the channel's queue.
   */
  notify(event: NotificationEvent): Delivery[] {
    throw new Error("not implemented: Notifier.notify");
  }

  /** Copies of every delivery, in the order they were created. */
  log(): Delivery[] {
    throw new Error("not implemented: Notifier.log");
  }

  /** Copies of the failed deliveries, in the order they failed. */
  deadLetters(): Delivery[] {
    throw new Error("not implemented: Notifier.deadLetters");
  }

  // TODO: a worker per channel that sends its queue's deliveries one at a time, in order,
  // and for a push that failed for good, a fallback email.
}
