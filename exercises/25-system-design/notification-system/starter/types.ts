// Read-only: the shapes the tests build and read.

export type Channel = "email" | "sms" | "push";
export const CHANNELS: readonly Channel[] = ["email", "sms", "push"];

export type Category = "transactional" | "marketing";

export interface User {
  id: string;
  /** An IANA zone such as "Europe/Berlin"; quiet hours are read in it. */
  timeZone: string;
  email?: string;
  phone?: string;
  pushToken?: string;
  /** A channel set to false is off for every category. Missing means on. */
  channels?: Partial<Record<Channel, boolean>>;
  /** Marketing needs an opt-in per channel: only `true` allows it. Transactional ignores this. */
  marketing?: Partial<Record<Channel, boolean>>;
  /** Local wall-clock times "HH:MM"; the window may wrap past midnight ("22:00"–"07:00"). */
  quietHours?: { start: string; end: string };
}

/** One template text per channel the event goes out on, with {{name}} placeholders. */
export type Template = Partial<Record<Channel, string>>;

export interface NotificationEvent {
  /** The idempotency key: the same key twice is one notification per channel. */
  key: string;
  userId: string;
  template: string;
  category: Category;
  /** Urgent notifications ignore quiet hours. */
  urgent?: boolean;
  data: Record<string, string>;
}

export type DeliveryStatus = "queued" | "deferred" | "sent" | "failed" | "suppressed";

export type SuppressReason = "CHANNEL_OFF" | "MARKETING_OPT_OUT" | "NO_ADDRESS" | "RATE_LIMITED";
export type FailReason = "PROVIDER_REJECTED" | "RETRIES_EXHAUSTED";

export interface Delivery {
  /** `${event.key}:${channel}` — also the Idempotency-Key sent to the provider. */
  id: string;
  eventKey: string;
  userId: string;
  channel: Channel;
  category: Category;
  /** The address the provider gets: email, phone or push token ("" when suppressed for lack of one). */
  to: string;
  /** The rendered text (HTML-escaped for email). */
  body: string;
  status: DeliveryStatus;
  /** Every status this delivery has had, oldest first, ending with `status`. */
  history: DeliveryStatus[];
  reason?: SuppressReason | FailReason;
  /** Provider tries made so far. */
  attempts: number;
  /** For a deferred delivery: when it will be queued (epoch ms). */
  notBefore?: number;
  /** For a fallback email: the id of the push delivery it replaces. */
  fallbackFor?: string;
}

export interface RetryOptions {
  /** Total tries, the first included. */
  attempts: number;
  /** The wait before retry n is baseMs × 2^(n−1). */
  baseMs: number;
  /** Each try is aborted after this long. */
  timeoutMs: number;
}

export type ErrorCode = "UNKNOWN_USER" | "UNKNOWN_TEMPLATE" | "MISSING_VARIABLE";

export class NotifyError extends Error {
  constructor(readonly code: ErrorCode, message: string) {
    super(message);
    this.name = "NotifyError";
  }
}
