import { suppressReason, addressFor } from "./preferences";
import { quietHoursEnd } from "./quiet-hours";
import { RateLimiter } from "./rate-limit";
import { send, type Fetch } from "./sender";
import { escapeHtml, render } from "./template";
import {
  CHANNELS, NotifyError,
  type Category, type Channel, type Delivery, type DeliveryStatus, type NotificationEvent, type RetryOptions, type Template, type User,
} from "./types";

export interface NotifierOptions {
  fetch: Fetch;
  users: readonly User[];
  templates: Record<string, Template>;
  retry: RetryOptions;
  /** Marketing events a user may get in any rolling hour. */
  marketingPerHour: number;
}

const copy = (d: Delivery): Delivery => ({ ...d, history: [...d.history] });

export class Notifier {
  /** Every delivery, in the order it was created: the delivery log. */
  private readonly deliveries = new Map<string, Delivery>();
  private readonly byEvent = new Map<string, string[]>();
  private readonly queues = new Map<Channel, Delivery[]>(CHANNELS.map((c) => [c, []]));
  private readonly busy = new Set<Channel>();
  private readonly dead: Delivery[] = [];
  private readonly all: Delivery[] = [];
  private readonly limiter: RateLimiter;

  constructor(private readonly options: NotifierOptions) {
    this.limiter = new RateLimiter(options.marketingPerHour);
  }

  /** Ingests one event; returns its deliveries. The same key again returns the first call's. */
  notify(event: NotificationEvent): Delivery[] {
    const seen = this.byEvent.get(event.key);
    if (seen) return seen.map((id) => copy(this.deliveries.get(id)!));

    const user = this.options.users.find((u) => u.id === event.userId);
    if (!user) throw new NotifyError("UNKNOWN_USER", `no user "${event.userId}"`);
    const template = this.options.templates[event.template];
    if (!template) throw new NotifyError("UNKNOWN_TEMPLATE", `no template "${event.template}"`);
    // Render every channel before logging anything, so a bad event leaves no trace.
    const bodies = CHANNELS.filter((c) => template[c] !== undefined)
      .map((channel) => ({ channel, body: render(template[channel]!, event.data, { html: channel === "email" }) }));

    const now = Date.now();
    const created = bodies.map(({ channel, body }) => this.create(event.key, user, channel, event.category, body));
    this.byEvent.set(event.key, created.map((d) => d.id));

    const live = created.filter((d) => d.status !== "suppressed");
    if (live.length > 0 && event.category === "marketing" && !this.limiter.tryTake(user.id, now)) {
      for (const d of live) this.suppress(d, "RATE_LIMITED");
      return created.map(copy);
    }
    const until = event.urgent ? null : quietHoursEnd(now, user);
    for (const d of live) {
      if (until === null) this.enqueue(d);
      else {
        d.notBefore = until;
        this.move(d, "deferred");
        setTimeout(() => this.enqueue(d), until - now);
      }
    }
    return created.map(copy);
  }

  log(): Delivery[] {
    return [...this.deliveries.values()].map(copy);
  }

  /** Deliveries that failed for good, in the order they failed. */
  deadLetters(): Delivery[] {
    return this.dead.map(copy);
  }

  private create(eventKey: string, user: User, channel: Channel, category: Category, body: string, fallbackFor?: string): Delivery {
    const d: Delivery = {
      id: `${eventKey}:${channel}`, eventKey, userId: user.id, channel, category,
      to: addressFor(user, channel) ?? "", body, status: "queued", history: [], attempts: 0,
    };
    if (fallbackFor) d.fallbackFor = fallbackFor;
    this.deliveries.set(d.id, d);
    const reason = suppressReason(user, channel, category);
    if (reason) this.suppress(d, reason);
    return d;
  }

  private move(d: Delivery, status: DeliveryStatus): void {
    d.status = status;
    d.history.push(status);
  }

  private suppress(d: Delivery, reason: Delivery["reason"]): void {
    d.reason = reason;
    this.move(d, "suppressed");
  }

  private enqueue(d: Delivery): void {
    this.move(d, "queued");
    this.all.push(d);
    void this.work(d.channel);
  }

  /** One worker per channel: a slow SMS provider never holds up push. */
  private async work(_channel: Channel): Promise<void> {
    if (this.busy.size > 0) return;
    this.busy.add("email");
    const queue = this.all;
    try {
      for (let d = queue.shift(); d; d = queue.shift()) {
        const channel = d.channel;
        const outcome = await send(this.options.fetch, d, this.options.retry);
        d.attempts = outcome.attempts;
        if (outcome.ok) {
          this.move(d, "sent");
          continue;
        }
        d.reason = outcome.reason;
        this.move(d, "failed");
        this.dead.push(d);
        if (channel === "push") this.fallBack(d);
      }
    } finally {
      this.busy.delete("email");
    }
  }

  /** A push that cannot be delivered becomes an email, unless the event already has one. */
  private fallBack(push: Delivery): void {
    const ids = this.byEvent.get(push.eventKey)!;
    if (ids.includes(`${push.eventKey}:email`)) return;
    const user = this.options.users.find((u) => u.id === push.userId)!;
    const email = this.create(push.eventKey, user, "email", push.category, escapeHtml(push.body), push.id);
    ids.push(email.id);
    if (email.status !== "suppressed") this.enqueue(email);
  }
}
