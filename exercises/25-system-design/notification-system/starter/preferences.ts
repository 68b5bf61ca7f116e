import type { Category, Channel, SuppressReason, User } from "./types";

/** Where a channel reaches this user: email → user.email, sms → user.phone, push → user.pushToken. */
export function addressFor(user: User, channel: Channel): string | undefined {
  // TODO
  throw new Error("not implemented: addressFor");
}

/**
 * Why this user must not get this category on this channel, or null when they may.
 * Checked in this order: CHANNEL_OFF, MARKETING_OPT_OUT (marketing only), NO_ADDRESS.
 */
export function suppressReason(user: User, channel: Channel, category: Category): SuppressReason | null {
  // TODO
  throw new Error("not implemented: suppressReason");
}
